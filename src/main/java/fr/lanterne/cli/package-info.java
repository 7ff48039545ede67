/**
 * What modules implement to offer command-line commands (the launcher runs them).
 */
@LanterneModule(api = {CliCommand.class, CommandUser.class, StandaloneCommand.class})
package fr.lanterne.cli;

import fr.lanterne.LanterneModule;

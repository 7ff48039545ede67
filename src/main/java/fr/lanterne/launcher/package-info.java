/**
 * Starts Lanterne: the web application, or one command-line command inside a non-web application context.
 */
@LanterneModule(
        api = {Main.class},
        uses = {"authorities", "cli", "database", "deadlines", "ingest", "registry", "requests", "root", "search",
                "settings", "shared", "users"})
package fr.lanterne.launcher;

import fr.lanterne.LanterneModule;

/**
 * The embedded MariaDB server that Lanterne starts when no external database is configured.
 */
@LanterneModule(
        api = {DatabaseCommand.class, DatabaseCredentials.class, EmbeddedMariaDb.class},
        uses = {"cli", "root", "shared"})
package fr.lanterne.database;

import fr.lanterne.LanterneModule;

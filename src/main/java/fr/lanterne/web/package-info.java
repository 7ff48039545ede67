/**
 * The web layer: security, locale, and the status of each kind of refusal; pages and API in sub-packages.
 */
@LanterneModule(
        uses = {"audit", "authorities", "deadlines", "facts", "ingest", "letters", "map", "publish", "registry",
                "requests", "search", "settings", "shared", "users"})
package fr.lanterne.web;

import fr.lanterne.LanterneModule;

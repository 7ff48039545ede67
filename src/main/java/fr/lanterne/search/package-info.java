/**
 * Full-text search over the pages of obtained documents (volunteers), and of their published versions (visitors).
 */
@LanterneModule(
        api = {FacetValue.class, Search.class, SearchCommand.class, SearchFacet.class, SearchHit.class,
                SearchQuery.class, SearchResult.class, SearchSort.class},
        uses = {"authorities", "cli", "ingest", "registry", "requests", "shared"})
package fr.lanterne.search;

import fr.lanterne.LanterneModule;

package fr.lanterne.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total the number of matching pages (exact)
 * @param page the page of results asked for, from 1; past the end, {@code hits} is empty and {@code total} still right
 * @param facets per {@link SearchFacet#key()}, the most frequent values among the matching pages, most frequent first;
 *     for a dimension that is filtered on, the counts ignore that dimension's own filter, so that the other values
 *     stay visible and selectable
 * @param readAsPlainWords the query's syntax could not be read (an unbalanced quote, a stray colon...), so its words
 *     were searched as plain words
 * @param notice a sentence in French for the researcher when something about the query must be said, else null
 */
public record SearchResult(long total, int page, int size, Map<String, List<FacetValue>> facets, List<SearchHit> hits,
                           boolean readAsPlainWords, String notice) {

    public SearchResult {
        // Keeps the order of SearchFacet, which is the order a page shows them in.
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
        hits = List.copyOf(hits);
    }
}

package fr.lanterne.web;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.search.Search;
import fr.lanterne.search.SearchFacet;
import fr.lanterne.search.SearchQuery;
import fr.lanterne.search.SearchResult;
import fr.lanterne.search.SearchSort;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search as the search page and {@code GET /api/search} receive it: query parameters, each filter repeatable
 * ({@code departement=13&departement=06}). Page numbers out of range are answered with an empty page, never refused.
 *
 * @param q the words, in the syntax of {@link SearchQuery}
 * @param sort {@code pertinence} (default) or {@code date}
 */
public record SearchParameters(String q, List<String> departement, List<String> commune, List<String> region,
                               List<String> technology, List<String> vendor, List<String> kind, List<String> year,
                               String sort, String page, String size) {

    /** The filter parameters, in the order of the page's facets; each is also the key of a facet. */
    public static final List<String> FILTERS = Arrays.stream(SearchFacet.values()).map(SearchFacet::key).toList();

    public SearchParameters {
        q = q == null ? "" : q;
        departement = clean(departement);
        commune = clean(commune);
        region = clean(region);
        technology = clean(technology);
        vendor = clean(vendor);
        kind = clean(kind);
        year = clean(year);
    }

    /**
     * Runs the search, among the published versions for a visitor (no account, public mode) and among every document
     * as received for those signed in; a page number before the first gives an empty page (with the total and the
     * facets).
     */
    public SearchResult run(Search search, boolean visitor) {
        int pageNumber = number(page, "page", 1);
        SearchQuery query = query(Math.max(1, pageNumber), number(size, "size", SearchQuery.DEFAULT_SIZE));
        SearchResult result = visitor ? search.searchPublished(query) : search.search(query);
        if (pageNumber < 1) {
            return new SearchResult(result.total(), pageNumber, result.size(), result.facets(), List.of(),
                    result.readAsPlainWords(), result.notice());
        }
        return result;
    }

    /** The same search, a given page and number of results per page. */
    public SearchQuery query(int pageNumber, int pageSize) {
        return SearchQuery.builder()
                .text(q)
                .departement(departement.toArray(String[]::new))
                .commune(commune.toArray(String[]::new))
                .region(region.toArray(String[]::new))
                .technology(technology.toArray(String[]::new))
                .vendor(vendor.toArray(String[]::new))
                .kind(kind.toArray(String[]::new))
                .year(year.toArray(String[]::new))
                .sort(sortOrder())
                .page(pageNumber)
                .size(pageSize)
                .build();
    }

    public SearchSort sortOrder() {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("pertinence")
                || sort.equalsIgnoreCase(SearchSort.RELEVANCE.name())) {
            return SearchSort.RELEVANCE;
        }
        if (sort.equalsIgnoreCase("date")) {
            return SearchSort.DATE;
        }
        throw new InvalidInputException("Tri inconnu : « " + sort + " ». Choisissez « pertinence » ou « date ».");
    }

    /** The values of one filter, by its parameter name. */
    public List<String> filter(String name) {
        return switch (name) {
            case "departement" -> departement;
            case "commune" -> commune;
            case "region" -> region;
            case "technology" -> technology;
            case "vendor" -> vendor;
            case "kind" -> kind;
            case "year" -> year;
            default -> throw new IllegalArgumentException("No filter " + name);
        };
    }

    /** The query parameters of this search (first page), to link to it again with a filter more or less. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!q.isBlank()) {
            parameters.put("q", List.of(q));
        }
        for (String name : FILTERS) {
            if (!filter(name).isEmpty()) {
                parameters.put(name, filter(name));
            }
        }
        if (sortOrder() == SearchSort.DATE) {
            parameters.put("sort", List.of("date"));
        }
        return parameters;
    }

    private static int number(String value, String name, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            if (value.strip().matches("[+-]?\\d+")) {
                // A number too large for an int is a page far past the end.
                return value.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            throw new InvalidInputException("« " + value + " » n'est pas un nombre (paramètre « " + name + " »).");
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}

package fr.lanterne.web.api;

import fr.lanterne.ingest.Documents;
import fr.lanterne.search.FacetValue;
import fr.lanterne.search.Search;
import fr.lanterne.search.SearchHit;
import fr.lanterne.search.SearchResult;
import fr.lanterne.web.SearchParameters;
import fr.lanterne.web.VisitorNames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search of the documents obtained, for researchers' scripts; rebuilding the index, for administrators. */
@RestController
class SearchApiController {

    private final Search search;
    private final Documents documents;
    private final VisitorNames visitorNames;

    SearchApiController(Search search, Documents documents, VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.search = search;
        this.documents = documents;
    }

    /**
     * @param passage the best passages of the page as HTML: matched words in {@code <mark>}, the rest escaped
     * @param text the same passages as plain text
     * @param file where to read the page: the file, opened at that page by PDF viewers (for visitors, the published
     *             file, {@code /documents/{sha256}/fichier})
     * @param document the document's page
     */
    record Hit(String sha256, String title, String authority, String authorityName, String insee, String commune,
               String departement, int page, String kind, LocalDate receivedOn, String requestReference, float score,
               String passage, String text, String file, String document) {

        static Hit of(SearchHit hit) {
            return of(hit, false);
        }

        static Hit of(SearchHit hit, boolean visitor) {
            // The API's file needs an account; visitors read the published file, as on the document page.
            String file = visitor ? "/documents/" + hit.sha256() + "/fichier#page=" + hit.page()
                    : "/api/documents/" + hit.sha256() + "/file#page=" + hit.page();
            return new Hit(hit.sha256(), hit.title(), hit.authority(), hit.authorityName(), hit.insee(),
                    hit.communeName(), hit.departement(), hit.page(), hit.kind(), hit.receivedOn(),
                    hit.requestReference(), hit.score(), hit.passage(), hit.plainPassage(), file,
                    "/documents/" + hit.sha256());
        }
    }

    /**
     * @param facets per dimension (departement, commune, region, technology, vendor, kind, year), values with counts
     * @param notice a sentence about the query (syntax read as plain words, results past the browsable window)
     */
    record Results(String query, long total, int page, int size, Map<String, List<FacetValue>> facets, List<Hit> hits,
                   boolean readAsPlainWords, String notice) {
    }

    /** Visitors (public mode, no account) search the published versions only. */
    @GetMapping("/api/search")
    Results search(@ModelAttribute SearchParameters parameters, Principal user, java.util.Locale locale) {
        SearchResult result = parameters.run(search, user == null);
        if (user == null) {
            // The index names a document without a title after its file, which may hold a person's name.
            result = visitorNames.result(result, locale);
        }
        return new Results(parameters.q(), result.total(), result.page(), result.size(), result.facets(),
                result.hits().stream().map(hit -> Hit.of(hit, user == null)).toList(), result.readAsPlainWords(),
                result.notice());
    }

    /** Other documents whose text is most like this one's, one hit per document. */
    @GetMapping("/api/documents/{sha256}/similar")
    List<Hit> similar(@PathVariable String sha256, @RequestParam(defaultValue = "10") int size) {
        return search.moreLikeThis(documents.details(sha256).sha256(), size).stream().map(Hit::of).toList();
    }

    @GetMapping("/api/search/status")
    Search.Status status() {
        return search.status();
    }

    /** Rebuilds the index from the database (administrators; searches go on meanwhile). */
    @PostMapping("/api/search/reindex")
    Search.Reindexed reindex() {
        return search.reindex();
    }
}

package fr.lanterne.web.pages;

import fr.lanterne.web.VisitorNames;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.DepartementName;
import fr.lanterne.ingest.DocumentKind;
import fr.lanterne.search.FacetValue;
import fr.lanterne.search.Search;
import fr.lanterne.search.SearchFacet;
import fr.lanterne.search.SearchHit;
import fr.lanterne.search.SearchQuery;
import fr.lanterne.search.SearchResult;
import fr.lanterne.web.SearchParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The researchers' search page: a search box, facets to narrow by clicking, results with their passage and a link
 * that opens the file at the page; the same results as a CSV file.
 */
@Controller
class SearchPageController {

    /** Rows of a CSV export at most: the results a search can browse. */
    static final int CSV_MAX_ROWS = SearchQuery.MAX_BROWSABLE;

    /** The French name of each kind of document, by code. */
    private static final Map<String, String> KIND_LABELS = Arrays.stream(DocumentKind.values())
            .collect(Collectors.toMap(Enum::name, DocumentKind::label, (a, b) -> a, LinkedHashMap::new));

    private final Search search;
    private final Authorities authorities;
    private final Clock clock;
    private final MessageSource messages;

    private final VisitorNames visitorNames;

    SearchPageController(Search search, Authorities authorities, Clock clock, MessageSource messages,
                         VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.search = search;
        this.authorities = authorities;
        this.clock = clock;
        this.messages = messages;
    }

    /** A facet value as the page shows it: a link that adds the filter, or removes it when it is selected. */
    record FacetLink(String value, String label, long count, boolean selected, String url) {
    }

    /** A filter in force, with the link that removes it. */
    record ActiveFilter(String facet, String label, String url) {
    }

    /** Visitors (public mode, no account) search the published versions only, and are told so. */
    @GetMapping("/recherche")
    String search(@ModelAttribute SearchParameters parameters, Model model, Locale locale, Principal user) {
        boolean visitor = user == null;
        model.addAttribute("parameters", parameters);
        model.addAttribute("visitor", visitor);
        // The index's size counts unpublished documents: not for visitors.
        model.addAttribute("status", visitor ? null : search.status());
        boolean asked = !parameters.q().isBlank() || !parameters.parameters().isEmpty();
        model.addAttribute("asked", asked);
        if (!asked) {
            return "search/search";
        }
        SearchResult result = parameters.run(search, visitor);
        if (visitor) {
            // The index names a document without a title after its file, which may hold a person's name.
            result = visitorNames.result(result, locale);
        }
        Map<String, Map<String, String>> names = Map.of(
                "departement", authorities.departements().stream()
                        .collect(Collectors.toMap(DepartementName::code, DepartementName::name, (a, b) -> a)),
                "region", authorities.regionNames());
        Map<String, List<FacetLink>> facets = new LinkedHashMap<>();
        List<ActiveFilter> active = new ArrayList<>();
        for (String facet : SearchParameters.FILTERS) {
            List<String> selected = parameters.filter(facet);
            List<FacetLink> links = new ArrayList<>();
            for (FacetValue value : result.facets().getOrDefault(facet, List.of())) {
                boolean on = selected.contains(value.value());
                links.add(new FacetLink(value.value(), label(facet, value.value(), value.label(), names, locale),
                        value.count(), on, toggle(parameters, facet, value.value())));
            }
            for (String value : selected) {
                String label = links.stream().filter(l -> l.value().equals(value)).map(FacetLink::label).findFirst()
                        .orElse(label(facet, value, value, names, locale));
                active.add(new ActiveFilter(facet, label, toggle(parameters, facet, value)));
            }
            if (!links.isEmpty()) {
                facets.put(facet, links);
            }
        }
        model.addAttribute("result", result);
        model.addAttribute("facets", facets);
        model.addAttribute("active", active);
        model.addAttribute("kinds", KIND_LABELS);
        model.addAttribute("lastPage", Math.max(1, (int) Math.min(
                (Math.min(result.total(), SearchQuery.MAX_BROWSABLE) + result.size() - 1) / result.size(),
                Integer.MAX_VALUE)));
        model.addAttribute("pageUrl", url(parameters.parameters(), "/recherche"));
        model.addAttribute("csvUrl", url(parameters.parameters(), "/recherche.csv"));
        return "search/search";
    }

    /**
     * The results as CSV (semicolon-separated, UTF-8 with a byte order mark, as French spreadsheets expect): document,
     * authority, page, passage and a link that opens the page, up to {@value #CSV_MAX_ROWS} rows.
     */
    @GetMapping("/recherche.csv")
    void csv(@ModelAttribute SearchParameters parameters, HttpServletRequest request, HttpServletResponse response,
             Principal user, Locale locale) throws IOException {
        java.util.function.UnaryOperator<SearchHit> naming = user == null ? visitorNames.hits(locale)
                : java.util.function.UnaryOperator.identity();
        java.util.function.Function<SearchQuery, SearchResult> run = user == null ? search::searchPublished
                : search::search;
        String origin = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        // Read first: a refused query answers with its message, not with half a file.
        SearchResult first = run.apply(parameters.query(1, SearchQuery.MAX_SIZE));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("lanterne-recherche-" + LocalDate.now(clock) + ".csv", StandardCharsets.UTF_8).build()
                .toString());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        row(out, "document", "sha256", "administration", "insee", "commune", "departement", "type", "recu_le",
                "demande", "page", "passage", "lien");
        int written = 0;
        SearchResult page = first;
        for (int number = 1; !page.hits().isEmpty() && written < CSV_MAX_ROWS; ) {
            for (SearchHit hit : page.hits().stream().map(naming).toList()) {
                row(out, hit.title(), hit.sha256(), hit.authorityName(), hit.insee(), hit.communeName(),
                        hit.departement(),
                        hit.kind() == null ? null : KIND_LABELS.getOrDefault(hit.kind(), hit.kind()),
                        hit.receivedOn() == null ? null : hit.receivedOn().toString(), hit.requestReference(),
                        String.valueOf(hit.page()), hit.plainPassage(),
                        origin + "/documents/" + hit.sha256() + "/fichier#page=" + hit.page());
                written++;
            }
            if (written >= page.total()) {
                break;
            }
            page = run.apply(parameters.query(++number, SearchQuery.MAX_SIZE));
        }
        out.flush();
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(csvField(fields[i]));
        }
        out.write("\r\n");
    }

    /**
     * Quoted, quotes doubled; a field a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an
     * apostrophe, since the text comes from documents no one here wrote.
     */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A facet value in the page's language: kinds and technologies by their message, places with their name. */
    private String label(String facet, String value, String label, Map<String, Map<String, String>> names,
                         Locale locale) {
        if (facet.equals(SearchFacet.KIND.key())) {
            return messages.getMessage("documentKind." + value, null, KIND_LABELS.getOrDefault(value, label), locale);
        }
        if (facet.equals(SearchFacet.TECHNOLOGY.key())) {
            return messages.getMessage("technology." + value, null, label, locale);
        }
        String name = names.getOrDefault(facet, Map.of()).get(value);
        return name == null ? label : value + " — " + name;
    }

    /** This search with one filter value added, or removed if present; back to the first page. */
    private static String toggle(SearchParameters parameters, String facet, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(parameters.parameters());
        List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            next.remove(facet);
        } else {
            next.put(facet, values);
        }
        return url(next, "/recherche");
    }

    private static String url(Map<String, List<String>> parameters, String path) {
        // Encoded by hand: a "+" or a brace in the words must come back as typed.
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}

package fr.lanterne.search;

import fr.lanterne.search.PageFields.Criterion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * Searches: a query's words and filters, the exact total and the facet counts, then the page of hits asked for.
 *
 * <p><b>Facets</b> come from sorted-set doc values ({@link DefaultSortedSetDocValuesReaderState}, rebuilt with each
 * searcher, off the search path): no side taxonomy index to keep in step with the main one, and the dimensions are
 * flat. They are counted over every match, exactly, with drill sideways (a filtered dimension is counted without its
 * own filter), by {@link PageFacetCounts} when most pages match, else by Lucene's own counting.
 *
 * <p><b>Searches</b> run in two passes over one point-in-time searcher: count (total and facets, no scores), then rank
 * the page asked for. A searcher spreads a search over {@link LuceneSearchIndex.Options#searchThreads()} threads, by
 * segment.
 */
final class PageQueries {

    /** How deep results can be paged, as OpenSearch's index.max_result_window: beyond, an empty page and a notice. */
    private static final int MAX_RESULT_WINDOW = SearchQuery.MAX_BROWSABLE;
    /** Values shown per facet dimension. */
    private static final int FACET_SIZE = 20;
    private static final Sort BY_DATE = byDate();
    /** From this share of all pages matching, facets are counted by document runs ({@link PageFacetCounts}). */
    private static final int DENSE_MATCHES_PERCENT = 30;
    /** Lucene's default: past this many matches, ranking may skip those that cannot enter the top. */
    private static final int RANKING_THRESHOLD = 1_000;

    private final IndexGenerations generations;
    private final FacetsConfig facetsConfig;
    private final DocumentBlocks documentBlocks;
    private final PageQueryParser parser;
    private final PageHits hits;

    PageQueries(IndexGenerations generations, FacetsConfig facetsConfig, DocumentBlocks documentBlocks,
                PageQueryParser parser, PageHits hits) {
        this.generations = generations;
        this.facetsConfig = facetsConfig;
        this.documentBlocks = documentBlocks;
        this.parser = parser;
        this.hits = hits;
    }

    /** As {@link SearchIndex#search}. */
    SearchResult search(SearchQuery query, Audience audience) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(audience, "audience");
        PageQueryParser.Parsed parsed = parser.parse(query.text());
        return generations.withSearcher(searcher -> search(searcher, query, parsed, audience));
    }

    private SearchResult search(PageSearcher searcher, SearchQuery query, PageQueryParser.Parsed parsed,
                                Audience audience) throws IOException {
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig,
                forAudience(withRangeFilters(parsed.query(), query.filters()), audience));
        SearchFilters filters = query.filters();
        filter(drillDown, Criterion.DEPARTEMENT, filters.departements());
        filter(drillDown, Criterion.COMMUNE, filters.communes());
        filter(drillDown, Criterion.REGION, filters.regions());
        filter(drillDown, Criterion.TECHNOLOGY, filters.technologies().stream().map(Enum::name).toList());
        filter(drillDown, Criterion.VENDOR, filters.vendors());
        filter(drillDown, Criterion.KIND, filters.kinds());
        filter(drillDown, Criterion.YEAR, filters.years().stream().map(String::valueOf).toList());

        // In longs: page 2,000,000,000 is answered with an empty page, not an overflow.
        long from = (long) (query.page() - 1) * query.size();
        int wanted = (int) Math.min(from + query.size(), MAX_RESULT_WINDOW);
        int numHits = Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        // Two passes over the same point-in-time searcher. Counting (the exact total and the facets) needs every
        // match but no score; ranking needs scores but, with Lucene's default threshold, only of the matches that can
        // still enter the top. One pass would score every match: five times slower for a phrase on most pages.
        Run run = count(searcher, drillDown);
        ScoreDoc[] all = new ScoreDoc[0];
        if (from < Math.min(run.total, MAX_RESULT_WINDOW)) {
            all = (query.sort() == SearchSort.DATE
                    ? searcher.search(drillDown, new TopFieldCollectorManager(BY_DATE, numHits, null,
                            RANKING_THRESHOLD))
                    : searcher.search(drillDown, new TopScoreDocCollectorManager(numHits, null, RANKING_THRESHOLD)))
                    .scoreDocs;
        }
        ScoreDoc[] page = from < all.length
                ? Arrays.copyOfRange(all, (int) from, Math.min(all.length, (int) from + query.size()))
                : new ScoreDoc[0];
        List<SearchHit> found = hits.of(searcher, page, parsed.query());

        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (SearchFacet facet : SearchFacet.values()) {
            facets.put(facet.key(), facetValues(searcher, run.facets, facet));
        }
        long total = run.total;
        String notice = null;
        if (parsed.plainWords()) {
            notice = "La syntaxe de la recherche n'a pas pu être lue (guillemet ou parenthèse non fermés, « : » "
                    + "isolé…) : ses mots ont été cherchés tels quels.";
        } else if (from >= MAX_RESULT_WINDOW && from < total) {
            notice = String.format(Locale.FRANCE, "Seuls les %,d premiers résultats peuvent être parcourus : "
                    + "précisez la recherche ou ajoutez des filtres.", MAX_RESULT_WINDOW);
        }
        return new SearchResult(total, query.page(), query.size(), facets, found, parsed.plainWords(), notice);
    }

    private record Run(long total, Facets facets) {
    }

    /**
     * The exact number of matches and the facet counts; drill sideways counts a filtered dimension without its filter.
     */
    private Run count(PageSearcher searcher, DrillDownQuery query) throws IOException {
        if (searcher.facetState == null) {
            return new Run(searcher.count(query), null);
        }
        DrillSideways.ConcurrentDrillSidewaysResult<Integer> result =
                new CountingSideways(searcher, searcher.facetState).search(query, new TotalHitCountCollectorManager());
        return new Run(result.collectorResult, result.facets);
    }

    /**
     * Drill sideways in one pass over the matches (segments in parallel through the searcher), then counted. The
     * searcher's threads are not given to DrillSideways itself: its concurrent mode runs
     * one search per filtered dimension, each waiting on the same pool.
     */
    private final class CountingSideways extends DrillSideways {

        CountingSideways(IndexSearcher searcher, SortedSetDocValuesReaderState state) {
            super(searcher, facetsConfig, null, state, null);
        }

        @Override
        protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
                                           String[] drillSidewaysDims) throws IOException {
            Facets drillDownFacets = count(drillDowns);
            if (drillSideways == null || drillSideways.length == 0) {
                return drillDownFacets;
            }
            Map<String, Facets> sidewaysFacets = new HashMap<>();
            for (int i = 0; i < drillSideways.length; i++) {
                sidewaysFacets.put(drillSidewaysDims[i], count(drillSideways[i]));
            }
            return new MultiFacets(sidewaysFacets, drillDownFacets);
        }

        /**
         * Counting by runs of a document's pages pays off when matches are dense (three times faster at nine pages in
         * ten, measured on a million pages); on sparse matches runs are short and Lucene's own counting is faster.
         */
        private Facets count(FacetsCollector collector) throws IOException {
            long matches = 0;
            for (FacetsCollector.MatchingDocs segment : collector.getMatchingDocs()) {
                matches += segment.totalHits;
            }
            if (matches * 100 >= (long) searcher.getIndexReader().maxDoc() * DENSE_MATCHES_PERCENT) {
                return new PageFacetCounts(state, collector, documentBlocks);
            }
            return new SortedSetDocValuesFacetCounts(state, collector);
        }
    }

    /** Visitors see the published versions' pages only; volunteers the pages as received only. */
    static Query forAudience(Query query, Audience audience) {
        Query published = new TermQuery(PageFields.publicTerm());
        return new BooleanQuery.Builder().add(query, Occur.MUST)
                .add(published, audience == Audience.VISITORS ? Occur.FILTER : Occur.MUST_NOT).build();
    }

    private static Query withRangeFilters(Query text, SearchFilters filters) {
        if (filters.receivedFrom() == null && filters.receivedTo() == null && filters.campaignId() == null) {
            return text;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (filters.receivedFrom() != null || filters.receivedTo() != null) {
            long from = filters.receivedFrom() == null ? Long.MIN_VALUE : filters.receivedFrom().toEpochDay();
            long to = filters.receivedTo() == null ? Long.MAX_VALUE : filters.receivedTo().toEpochDay();
            query.add(LongPoint.newRangeQuery(PageFields.RECEIVED, from, to), Occur.FILTER);
        }
        if (filters.campaignId() != null) {
            query.add(new TermQuery(Criterion.CAMPAIGN.term(filters.campaignId().toString())), Occur.FILTER);
        }
        return query.build();
    }

    private static void filter(DrillDownQuery query, Criterion criterion, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        for (String value : values) {
            anyOf.add(new TermQuery(criterion.term(value)), Occur.SHOULD);
        }
        query.add(criterion.facet.key(), anyOf.build());
    }

    private List<FacetValue> facetValues(IndexSearcher searcher, Facets facets, SearchFacet facet) throws IOException {
        if (facets == null) {
            return List.of();
        }
        FacetResult result;
        try {
            result = facets.getTopChildren(FACET_SIZE, facet.key());
        } catch (IllegalArgumentException notIndexedYet) {
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        List<FacetValue> values = new ArrayList<>(result.labelValues.length);
        for (LabelAndValue value : result.labelValues) {
            values.add(new FacetValue(value.label, label(searcher, facet, value.label), value.value.longValue()));
        }
        return values;
    }

    private static String label(IndexSearcher searcher, SearchFacet facet, String value) throws IOException {
        return switch (facet) {
            case TECHNOLOGY -> PageFields.technologyLabel(value);
            case COMMUNE -> {
                // The facet holds codes; the name comes from the first page of that commune, read from the postings
                // directly (a search per value would cost a round of the search threads each).
                String name = null;
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    PostingsEnum pages = leaf.reader().postings(Criterion.COMMUNE.term(value), PostingsEnum.NONE);
                    if (pages != null) {
                        int doc = pages.nextDoc();
                        Bits live = leaf.reader().getLiveDocs();
                        while (doc != DocIdSetIterator.NO_MORE_DOCS && live != null && !live.get(doc)) {
                            doc = pages.nextDoc();
                        }
                        if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                            name = leaf.reader().storedFields().document(doc, Set.of(PageFields.COMMUNE_NAME))
                                    .get(PageFields.COMMUNE_NAME);
                            break;
                        }
                    }
                }
                yield name == null ? value : name;
            }
            default -> value;
        };
    }

    private static Sort byDate() {
        SortField received = new SortField(PageFields.RECEIVED, SortField.Type.LONG, true);
        received.setMissingValue(Long.MIN_VALUE);
        return new Sort(received, SortField.FIELD_SCORE);
    }
}

package fr.lanterne.search;

import fr.lanterne.ConflictException;
import fr.lanterne.InvalidInputException;
import fr.lanterne.search.PageFields.Criterion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
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
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index as Lucene files in a folder, for one application instance.
 *
 * <p><b>Near-real-time.</b> One {@link IndexWriter}; {@link #index} and {@link #delete} refresh the
 * {@link SearcherManager} before returning, so a document is searchable as soon as its indexing call returns (a
 * refresh costs milliseconds; ingest indexes a document at a time, after seconds of extraction). {@link #commit()}
 * makes them durable; the indexer calls it before it forgets a queued document, and a background thread commits
 * every {@link Options#commitInterval()} what other writes left, so a crash loses nothing the database still lists as
 * queued.
 *
 * <p><b>Rebuild.</b> Each index lives in a numbered sub-folder ({@code gen-000001}); the file {@code current} names the
 * one in use. A rebuild fills a new sub-folder with its own writer while searches and ingest go on against the current
 * one (ingest writes to both meanwhile), then switches {@code current} and the searcher at once and deletes the old
 * folder. Searches never see a half-built index, a failed or abandoned rebuild leaves the current index untouched, and
 * the new index has no deleted documents to carry. (Deleting all then re-adding under the one writer would either show
 * a half-empty index to searches or hold back every refresh, ingest's included, until the end.)
 *
 * <p><b>Facets</b> come from sorted-set doc values ({@link DefaultSortedSetDocValuesReaderState}, rebuilt with each
 * searcher, off the search path): no side taxonomy index to keep in step with the main one, and the dimensions are flat.
 * They are counted over every match, exactly, with drill sideways (a filtered dimension is counted without its own
 * filter), by {@link PageFacetCounts} when most pages match, else by Lucene's own counting.
 *
 * <p><b>Searches</b> run in two passes over one point-in-time searcher: count (total and facets, no scores), then rank
 * the page asked for. A searcher spreads a search over {@link Options#searchThreads()} threads, by segment.
 */
public final class LuceneSearchIndex implements SearchIndex {

    /**
     * @param commitInterval how often changes are committed to disk
     * @param ramBufferMb the writer's buffer for ingest
     * @param rebuildRamBufferMb the writer's buffer for a rebuild, which writes far more at once
     * @param searchThreads threads one search may use (segments and facet counts in parallel); 1 for none
     */
    public record Options(Duration commitInterval, double ramBufferMb, double rebuildRamBufferMb, int searchThreads) {

        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), 64, 256,
                Runtime.getRuntime().availableProcessors());

        public Options {
            if (searchThreads < 1) {
                throw new IllegalArgumentException("searchThreads must be at least 1: " + searchThreads);
            }
            if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
                throw new IllegalArgumentException("commitInterval must be positive: " + commitInterval);
            }
            if (ramBufferMb <= 0 || rebuildRamBufferMb <= 0) {
                throw new IllegalArgumentException("RAM buffers must be positive");
            }
        }
    }

    /** How deep results can be paged, as OpenSearch's index.max_result_window: beyond, an empty page and a notice. */
    private static final int MAX_RESULT_WINDOW = SearchQuery.MAX_BROWSABLE;
    /** Values shown per facet dimension. */
    public static final int FACET_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String CURRENT = "current";
    private static final String GENERATION = "gen-";
    private static final int PASSAGES = 2;
    private static final int PASSAGE_LENGTH = 160;
    private static final int MAX_HIGHLIGHTED_CHARS = 100_000;
    private static final int MORE_LIKE_THIS_PAGES = 50;
    private static final int MORE_LIKE_THIS_CHARS = 200_000;
    private static final Sort BY_DATE = byDate();
    /** Cloned for each passage search: creating a sentence iterator costs a millisecond, a clone next to nothing. */
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.FRENCH);
    /** From this share of all pages matching, facets are counted by document runs ({@link PageFacetCounts}). */
    private static final int DENSE_MATCHES_PERCENT = 30;
    /** Lucene's default: past this many matches, ranking may skip those that cannot enter the top. */
    private static final int RANKING_THRESHOLD = 1_000;

    private final Path folder;
    private final Options options;
    private final Analyzer analyzer = new FrenchSearchAnalyzer();
    private final FacetsConfig facetsConfig = PageFields.facetsConfig();
    private final PageQueryParser parser = new PageQueryParser(analyzer);
    private final SearcherFactory searcherFactory = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new PageSearcher(reader, facetsConfig, searchThreads, documentBlocks);
        }
    };
    private final DocumentBlocks documentBlocks = new DocumentBlocks();
    /** Shared by all searches: a search over a million pages runs on every core. Null for one thread. */
    private final ExecutorService searchThreads;
    /** Searches and writes hold it shared; switching to a rebuilt index holds it exclusively. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private volatile Generation live;
    private volatile LuceneRebuild rebuilding;
    private volatile boolean closed;

    public LuceneSearchIndex(Path folder) {
        this(folder, Options.DEFAULTS);
    }

    public LuceneSearchIndex(Path folder, Options options) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
        searchThreads = options.searchThreads() == 1 ? null
                : Executors.newFixedThreadPool(options.searchThreads(), daemon("search"));
        try {
            Files.createDirectories(folder);
            live = openCurrent();
            deleteOtherGenerations(live.path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
        committer = Executors.newSingleThreadScheduledExecutor(daemon("search-index-commit"));
        long every = options.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::commitChanges, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void index(List<PageDocument> pages) {
        Map<String, List<PageDocument>> byDocument = byDocument(pages);
        lock.readLock().lock();
        try {
            Generation generation = openGeneration();
            LuceneRebuild rebuild = rebuilding;
            for (Map.Entry<String, List<PageDocument>> document : byDocument.entrySet()) {
                // One atomic update per document: its old pages go and its new ones come in the same refresh.
                generation.writer.updateDocuments(PageFields.documentTerm(document.getKey()),
                        toDocuments(document.getValue()));
                if (rebuild != null) {
                    rebuild.replace(document.getKey(), toDocuments(document.getValue()));
                }
            }
            generation.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void delete(String sha256) {
        String sha = PageDocument.normalizeSha256(sha256);
        lock.readLock().lock();
        try {
            Generation generation = openGeneration();
            generation.writer.deleteDocuments(PageFields.documentTerm(sha));
            LuceneRebuild rebuild = rebuilding;
            if (rebuild != null) {
                rebuild.generation.writer.deleteDocuments(PageFields.documentTerm(sha));
            }
            generation.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        PageQueryParser.Parsed parsed = parser.parse(query.text());
        return withSearcher(searcher -> search(searcher, query, parsed));
    }

    private SearchResult search(PageSearcher searcher, SearchQuery query, PageQueryParser.Parsed parsed)
            throws IOException {
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, withRangeFilters(parsed.query(), query.filters()));
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
                    ? searcher.search(drillDown, new TopFieldCollectorManager(BY_DATE, numHits, null, RANKING_THRESHOLD))
                    : searcher.search(drillDown, new TopScoreDocCollectorManager(numHits, null, RANKING_THRESHOLD)))
                    .scoreDocs;
        }
        ScoreDoc[] page = from < all.length
                ? java.util.Arrays.copyOfRange(all, (int) from, Math.min(all.length, (int) from + query.size()))
                : new ScoreDoc[0];
        List<SearchHit> hits = toHits(searcher, page, parsed.query());

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
        return new SearchResult(total, query.page(), query.size(), facets, hits, parsed.plainWords(), notice);
    }

    private record Run(long total, Facets facets) {
    }

    /** The exact number of matches and the facet counts; drill sideways counts a filtered dimension without its filter. */
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

    private List<SearchHit> toHits(IndexSearcher searcher, ScoreDoc[] page, Query highlighted) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String[] passages = highlighter(searcher).highlight(PageFields.TEXT, highlighted,
                new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                        org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page), PASSAGES);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc, PageFields.HIT_FIELDS);
            hits.add(PageFields.toHit(doc, page[i].score, passages[i] == null ? "" : passages[i]));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new HtmlPassageFormatter())
                // A phrase, or a compound split in two words, is marked as one span rather than word by word.
                .withWeightMatches(true)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        (BreakIterator) SENTENCES.clone(), PASSAGE_LENGTH, 0.5f))
                // A page that matched through a filter or a blank query still shows its opening lines.
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .build();
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

    @Override
    public List<SearchHit> moreLikeThis(String sha256, int size) {
        String sha = PageDocument.normalizeSha256(sha256);
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new InvalidInputException("Le nombre de documents semblables doit être compris entre 1 et "
                    + SearchQuery.MAX_SIZE + ".");
        }
        return withSearcher(searcher -> {
            TermQuery self = new TermQuery(PageFields.documentTerm(sha));
            TopDocs pages = searcher.search(self, MORE_LIKE_THIS_PAGES);
            if (pages.scoreDocs.length == 0) {
                throw IndexedDocumentNotFoundException.forSha256(sha);
            }
            StringBuilder text = new StringBuilder();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc page : pages.scoreDocs) {
                if (text.length() < MORE_LIKE_THIS_CHARS) {
                    text.append(stored.document(page.doc, Set.of(PageFields.TEXT)).get(PageFields.TEXT)).append('\n');
                }
            }
            MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
            moreLikeThis.setAnalyzer(analyzer);
            moreLikeThis.setFieldNames(new String[] {PageFields.TEXT});
            moreLikeThis.setMinTermFreq(2);
            moreLikeThis.setMinDocFreq(2);
            // Words on most pages say nothing about what a document is about.
            moreLikeThis.setMaxDocFreqPct(30);
            moreLikeThis.setMaxQueryTerms(30);
            Query like = moreLikeThis.like(PageFields.TEXT, new StringReader(text.toString()));
            Query others = new BooleanQuery.Builder().add(like, Occur.MUST).add(self, Occur.MUST_NOT).build();
            // One hit per document: the best pages, first page of each document kept.
            TopDocs top = searcher.search(others, size * 20);
            List<ScoreDoc> best = new ArrayList<>();
            Set<String> documents = new HashSet<>();
            for (ScoreDoc hit : top.scoreDocs) {
                if (best.size() < size
                        && documents.add(stored.document(hit.doc, Set.of(PageFields.SHA256)).get(PageFields.SHA256))) {
                    best.add(hit);
                }
            }
            return toHits(searcher, best.toArray(ScoreDoc[]::new), like);
        });
    }

    @Override
    public void refresh() {
        lock.readLock().lock();
        try {
            openGeneration().searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void commit() {
        lock.readLock().lock();
        try {
            Generation generation = openGeneration();
            if (generation.writer.hasUncommittedChanges()) {
                generation.writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<String, Integer> pagesByDocument() {
        return withSearcher(searcher -> {
            Map<String, Integer> pages = new HashMap<>();
            for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
                SortedDocValues documents = DocValues.getSorted(segment.reader(), PageFields.SHA256);
                Bits live = segment.reader().getLiveDocs();
                int[] perDocument = new int[documents.getValueCount()];
                for (int page = documents.nextDoc(); page != DocIdSetIterator.NO_MORE_DOCS;
                     page = documents.nextDoc()) {
                    if (live == null || live.get(page)) {
                        perDocument[documents.ordValue()]++;
                    }
                }
                for (int ord = 0; ord < perDocument.length; ord++) {
                    if (perDocument[ord] > 0) {
                        pages.merge(documents.lookupOrd(ord).utf8ToString(), perDocument[ord], Integer::sum);
                    }
                }
            }
            return pages;
        });
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public Rebuild startRebuild() {
        synchronized (this) {
            if (rebuilding != null) {
                throw new ConflictException("Une reconstruction de l'index de recherche est déjà en cours.",
                        Map.of());
            }
            try {
                Generation generation = new Generation(nextGenerationPath(), OpenMode.CREATE,
                        options.rebuildRamBufferMb());
                LuceneRebuild rebuild = new LuceneRebuild(generation);
                lock.writeLock().lock();
                try {
                    if (closed) {
                        generation.discard();
                        throw new IllegalStateException("The search index is closed");
                    }
                    rebuilding = rebuild;
                } finally {
                    lock.writeLock().unlock();
                }
                log.info("Rebuilding the search index into {}", generation.path);
                return rebuild;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (searchThreads != null) {
            searchThreads.shutdown();
        }
        lock.writeLock().lock();
        try {
            LuceneRebuild rebuild = rebuilding;
            rebuilding = null;
            if (rebuild != null) {
                rebuild.generation.discard();
            }
            live.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The folder of the index in use (for tests and the administration page). */
    Path currentFolder() {
        return live.path;
    }

    private void commitChanges() {
        lock.readLock().lock();
        try {
            if (!closed && live.writer.hasUncommittedChanges()) {
                live.writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not commit the search index in {}; the next attempt follows", folder, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private interface SearcherWork<T> {
        T apply(PageSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        Generation generation;
        IndexSearcher searcher;
        lock.readLock().lock();
        try {
            generation = openGeneration();
            searcher = generation.searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
        try {
            return work.apply((PageSearcher) searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                generation.searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Could not release a searcher", e);
            }
        }
    }

    private Generation openGeneration() {
        if (closed) {
            throw new IllegalStateException("The search index in " + folder + " is closed");
        }
        return live;
    }

    private List<Document> toDocuments(List<PageDocument> pages) throws IOException {
        List<Document> documents = new ArrayList<>(pages.size());
        for (PageDocument page : pages) {
            documents.add(facetsConfig.build(PageFields.toDocument(page)));
        }
        return documents;
    }

    /**
     * The pages grouped by document. The pages of a document must carry the same document fields: facet counting
     * reads them once per document ({@link PageFacetCounts}), and a search filters pages by them.
     */
    private static Map<String, List<PageDocument>> byDocument(List<PageDocument> pages) {
        Map<String, List<PageDocument>> byDocument = new LinkedHashMap<>();
        for (PageDocument page : Objects.requireNonNull(pages, "pages")) {
            List<PageDocument> document = byDocument.computeIfAbsent(page.sha256(), sha -> new ArrayList<>());
            if (!document.isEmpty() && !page.sameDocumentAs(document.get(0))) {
                throw new IllegalArgumentException("Page " + page.page() + " of document " + page.sha256()
                        + " has other document fields than page " + document.get(0).page());
            }
            document.add(page);
        }
        return byDocument;
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Sort byDate() {
        SortField received = new SortField(PageFields.RECEIVED, SortField.Type.LONG, true);
        received.setMissingValue(Long.MIN_VALUE);
        return new Sort(received, SortField.FIELD_SCORE);
    }

    // --- generations: numbered sub-folders, "current" names the one in use ---

    private Generation openCurrent() throws IOException {
        Path pointer = folder.resolve(CURRENT);
        if (Files.exists(pointer)) {
            Path current = folder.resolve(Files.readString(pointer).strip());
            try {
                return new Generation(current, OpenMode.CREATE_OR_APPEND, options.ramBufferMb());
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                // Derived data: start empty, the reindex job fills it again.
                log.warn("The search index in {} cannot be read ({}); starting an empty one, run the reindex job",
                        current, e.getMessage());
            }
        }
        Generation generation = new Generation(nextGenerationPath(), OpenMode.CREATE, options.ramBufferMb());
        generation.writer.commit();
        writePointer(generation.path);
        return generation;
    }

    private Path nextGenerationPath() throws IOException {
        int last = 0;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                last = Math.max(last, generationNumber(child));
            }
        }
        return folder.resolve(String.format(Locale.ROOT, "%s%06d", GENERATION, last + 1));
    }

    private static int generationNumber(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(GENERATION)) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(GENERATION.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void writePointer(Path generation) throws IOException {
        Path temporary = folder.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, generation.getFileName().toString());
        Files.move(temporary, folder.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Leftovers of rebuilds that did not complete, or of indexes replaced before a crash. */
    private void deleteOtherGenerations(Path keep) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                if (generationNumber(child) > 0 && !child.equals(keep)) {
                    IOUtils.rm(child);
                }
            }
        }
    }

    /** One index folder with its writer and searchers. */
    private final class Generation {

        final Path path;
        final FSDirectory directory;
        final IndexWriter writer;
        final SearcherManager searchers;

        Generation(Path path, OpenMode mode, double ramBufferMb) throws IOException {
            this.path = path;
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode)
                    .setRAMBufferSizeMB(ramBufferMb);
            try {
                writer = new IndexWriter(directory, config);
                searchers = new SearcherManager(writer, searcherFactory);
            } catch (LockObtainFailedException e) {
                directory.close();
                throw new ConflictException("L'index de recherche " + path + " est déjà ouvert par une autre "
                        + "instance de Lanterne (le serveur ?) ; une seule à la fois peut l'utiliser : passez par le "
                        + "serveur (page Recherche, /api/search) ou arrêtez-le.", Map.of("index", path.toString()));
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(directory);
                throw e;
            }
        }

        void close() throws IOException {
            IOUtils.close(searchers, writer, directory);
        }

        /** Drops this index: searches still running on it finish on their open files. */
        void discard() {
            try {
                IOUtils.closeWhileHandlingException(searchers);
                writer.rollback();
                directory.close();
                IOUtils.rm(path);
            } catch (IOException e) {
                log.warn("Could not delete the search index folder {}; it will be deleted at the next start", path, e);
            }
        }
    }

    /** A rebuild into a new generation. */
    private final class LuceneRebuild implements Rebuild {

        final Generation generation;
        private final Set<String> added = ConcurrentHashMap.newKeySet();
        private final AtomicLong pages = new AtomicLong();
        private volatile boolean finished;

        LuceneRebuild(Generation generation) {
            this.generation = generation;
        }

        @Override
        public void add(List<PageDocument> pages) {
            if (finished) {
                throw new IllegalStateException("This rebuild is finished");
            }
            try {
                for (Map.Entry<String, List<PageDocument>> document : byDocument(pages).entrySet()) {
                    List<Document> documents = toDocuments(document.getValue());
                    if (added.add(document.getKey())) {
                        // Replaces a version that ingest may have written meanwhile.
                        generation.writer.updateDocuments(PageFields.documentTerm(document.getKey()), documents);
                    } else {
                        generation.writer.addDocuments(documents);
                    }
                }
                this.pages.addAndGet(pages.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ingest's write during the rebuild, so the new index does not miss it. */
        void replace(String sha256, List<Document> documents) throws IOException {
            generation.writer.updateDocuments(PageFields.documentTerm(sha256), documents);
        }

        @Override
        public long pages() {
            return pages.get();
        }

        @Override
        public void complete() {
            if (finished) {
                throw new IllegalStateException("This rebuild is finished");
            }
            Generation previous;
            try {
                generation.writer.commit();
                // As a closing writer would: let the merges that the bulk load started finish, so that searches start
                // on merged segments (a dozen unmerged segments made every search slower) and do not share the cores
                // with those merges. The old index serves searches meanwhile.
                generation.writer.maybeMerge();
                if (generation.writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
                    merges.sync();
                }
                generation.writer.commit();
                // Opens the new searcher, facet state included, before taking the lock that stops searches.
                generation.searchers.maybeRefreshBlocking();
                lock.writeLock().lock();
                try {
                    if (closed) {
                        throw new IllegalStateException("The search index is closed");
                    }
                    generation.searchers.maybeRefreshBlocking();
                    writePointer(generation.path);
                    previous = live;
                    live = generation;
                    rebuilding = null;
                    finished = true;
                } finally {
                    lock.writeLock().unlock();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            previous.discard();
            log.info("Search index rebuilt: {} pages in {}", pages.get(), generation.path);
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            lock.writeLock().lock();
            try {
                if (rebuilding == this) {
                    rebuilding = null;
                }
            } finally {
                lock.writeLock().unlock();
            }
            generation.discard();
            log.info("Search index rebuild abandoned after {} pages", pages.get());
        }
    }

    /** A searcher with the facet state of its reader, computed when the searcher is opened. */
    static final class PageSearcher extends IndexSearcher {

        final SortedSetDocValuesReaderState facetState;

        PageSearcher(IndexReader reader, FacetsConfig config, Executor executor, DocumentBlocks blocks)
                throws IOException {
            super(reader, executor);
            boolean hasFacets = FieldInfos.getMergedFieldInfos(reader)
                    .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
            facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
            // Off the search path, as the facet state: new segments get their page-to-document numbers now.
            for (LeafReaderContext segment : reader.leaves()) {
                blocks.of(segment.reader());
            }
        }
    }
}

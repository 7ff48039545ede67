package fr.lanterne.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;

/**
 * The search index as Lucene files in a folder, for one application instance. It writes pages and reads the index
 * as a whole; the rest is in three parts: {@link IndexGenerations} (the index folders, their writers and searchers, the
 * rebuild into a new folder, commits), {@link PageQueries} (searches, with facets, and {@link PageHits} for the
 * highlighted passages) and {@link SimilarDocuments} (more like this).
 *
 * <p><b>Near-real-time.</b> One {@link IndexWriter}; {@link #index} and {@link #delete} refresh the
 * {@link SearcherManager} before returning, so a document is searchable as soon as its indexing call returns (a
 * refresh costs milliseconds; ingest indexes a document at a time, after seconds of extraction). {@link #commit()}
 * makes them durable; the indexer calls it before it forgets a queued document, and a background thread commits
 * every {@link Options#commitInterval()} what other writes left, so a crash loses nothing the database still lists as
 * queued.
 */
final class LuceneSearchIndex implements SearchIndex {

    /**
     * @param commitInterval how often changes are committed to disk
     * @param ramBufferMb the writer's buffer for ingest
     * @param rebuildRamBufferMb the writer's buffer for a rebuild, which writes far more at once
     * @param searchThreads threads one search may use (segments and facet counts in parallel); 1 for none
     */
    record Options(Duration commitInterval, double ramBufferMb, double rebuildRamBufferMb, int searchThreads) {

        static final Options DEFAULTS = new Options(Duration.ofSeconds(5), 64, 256,
                Runtime.getRuntime().availableProcessors());

        Options {
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

    private final FacetsConfig facetsConfig = PageFields.facetsConfig();
    private final IndexGenerations generations;
    private final PageQueries queries;
    private final SimilarDocuments similar;

    LuceneSearchIndex(Path folder) {
        this(folder, Options.DEFAULTS);
    }

    LuceneSearchIndex(Path folder, Options options) {
        Analyzer analyzer = new FrenchSearchAnalyzer();
        DocumentBlocks documentBlocks = new DocumentBlocks();
        generations = new IndexGenerations(folder, options, analyzer, facetsConfig, documentBlocks);
        PageHits hits = new PageHits(analyzer);
        queries = new PageQueries(generations, facetsConfig, documentBlocks, new PageQueryParser(analyzer), hits);
        similar = new SimilarDocuments(generations, analyzer, hits);
    }

    @Override
    public void index(List<PageDocument> pages) {
        Map<String, List<PageDocument>> byEntry = PageFields.byDocument(pages);
        generations.write(writer -> {
            for (List<PageDocument> entry : byEntry.values()) {
                PageDocument first = entry.get(0);
                if (!first.published() && !byEntry.containsKey(PageDocument.publishedKey(first.sha256()))) {
                    // Given without its published version: the document has none (any longer).
                    writer.deleteDocuments(PageFields.publishedTerm(first.sha256()));
                }
                // One atomic update per entry: its old pages go and its new ones come in the same refresh.
                writer.updateDocuments(PageFields.entryPages(first), PageFields.toDocuments(facetsConfig, entry));
            }
        });
    }

    @Override
    public void delete(String sha256) {
        String sha = PageDocument.normalizeSha256(sha256);
        generations.write(writer -> writer.deleteDocuments(PageFields.documentTerm(sha)));
    }

    @Override
    public SearchResult search(SearchQuery query, Audience audience) {
        return queries.search(query, audience);
    }

    @Override
    public List<SearchHit> moreLikeThis(String sha256, int size) {
        return similar.of(sha256, size);
    }

    @Override
    public void commit() {
        generations.commit();
    }

    @Override
    public Map<String, Integer> pagesByDocument(Audience audience) {
        boolean published = audience == Audience.VISITORS;
        return generations.withSearcher(searcher -> {
            Map<String, Integer> pages = new HashMap<>();
            for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
                SortedDocValues documents = DocValues.getSorted(segment.reader(), PageFields.SHA256);
                NumericDocValues visibility = DocValues.getNumeric(segment.reader(), PageFields.VISIBILITY);
                Bits live = segment.reader().getLiveDocs();
                int[] perDocument = new int[documents.getValueCount()];
                for (int page = documents.nextDoc(); page != DocIdSetIterator.NO_MORE_DOCS;
                     page = documents.nextDoc()) {
                    if ((live == null || live.get(page)) && visibility.advanceExact(page) == published) {
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
        return generations.withSearcher(searcher -> (long) searcher.getIndexReader().numDocs()
                - searcher.count(new TermQuery(PageFields.publicTerm())));
    }

    @Override
    public Rebuild startRebuild() {
        return generations.startRebuild();
    }

    @Override
    public void close() {
        generations.close();
    }

    /** The folder of the index in use (for tests). */
    Path currentFolder() {
        return generations.currentFolder();
    }
}

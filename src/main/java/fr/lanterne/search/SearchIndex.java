package fr.lanterne.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.stream.Stream;

/**
 * The full-text index of document pages. It is derived data: the database holds the documents and their text, and
 * {@link #rebuild(Stream)} recreates the index from them, so losing the index loses nothing.
 *
 * <p>{@link LuceneSearchIndex} keeps it in a folder of the data directory, for one application instance. Everything
 * the rest of the module sees goes through this interface and its records (other modules see {@link Search}), so an
 * OpenSearch implementation can replace it when several instances serve searches. That change needs:
 * <ul>
 *   <li>an index mapping with the same analysis, as custom analysis settings: {@code standard} tokenizer,
 *       {@code elision} (French articles), {@code lowercase}, {@code asciifolding}, a {@code stop} filter with
 *       {@link FrenchSearchAnalyzer#STOP_WORDS}, the compound split (no built-in filter emits the parts at successive
 *       positions: a small plugin porting {@link CompoundSplitFilter}, or, without plugins, a {@code pattern_replace}
 *       char filter that inserts a space inside the listed compounds), {@code light_french} stemmer; the text field
 *       with {@code index_options: offsets}; {@code keyword} fields with a lowercase + asciifolding normalizer for
 *       the filters and facets;</li>
 *   <li>one OpenSearch document per page, id {@code sha256/page}; {@link #index} as a delete-by-query on the sha256
 *       then a bulk request with {@code refresh=wait_for} (same "visible on return" contract);</li>
 *   <li>{@link #search}: a {@code query_string} query (default operator AND, {@code auto_generate_phrase_queries})
 *       with the same fallback to plain words on a parse error, filters as {@code terms} clauses in a
 *       {@code post_filter} and the facets as {@code terms} aggregations each filtered by the other dimensions
 *       (drill sideways), the passages from the {@code unified} highlighter with {@code <mark>} tags and
 *       {@code encoder: html}, {@code from}/{@code size} bounded by {@code index.max_result_window};</li>
 *   <li>{@link #moreLikeThis}: the {@code more_like_this} query with a {@code must_not} on the sha256 and a
 *       {@code collapse} on the sha256 for one hit per document;</li>
 *   <li>{@link #startRebuild()}: a new concrete index filled by bulk requests, then an atomic alias swap, the old
 *       index deleted; writes during the rebuild sent to both, as here.</li>
 * </ul>
 */
interface SearchIndex extends AutoCloseable {

    /**
     * Indexes the given pages, replacing every page already indexed for their documents (a re-ingested document does
     * not duplicate its pages; give all its pages at once, and its published version's pages with them: a document
     * given without them loses those it had). The pages are searchable when this returns.
     */
    void index(List<PageDocument> pages);

    /** Removes every page of the document, its published version's included; searchable when this returns. */
    void delete(String sha256);

    /** Runs a search of the documents as received; bad syntax and pages past the end are answered, never thrown. */
    default SearchResult search(SearchQuery query) {
        return search(query, Audience.VOLUNTEERS);
    }

    /** Runs a search among the entries this audience may read (as received, or published), as {@link #search}. */
    SearchResult search(SearchQuery query, Audience audience);

    /**
     * Other documents whose text is most like this document's, one hit per document (its closest page), most
     * similar first, the document itself excluded.
     *
     * @throws IndexedDocumentNotFoundException if the document has no page in the index
     */
    List<SearchHit> moreLikeThis(String sha256, int size);

    /**
     * Makes every completed write durable: once this returns, a crash (a kill -9, a power cut) loses none of them.
     * Writes are searchable at once but only durable from here, so whoever forgets that a document still has to be
     * indexed (the search queue) does so after this call.
     */
    void commit();

    /**
     * How many pages the index holds of each document, by SHA-256: to check it against the database at start-up
     * (read from doc values, without touching stored fields).
     */
    default Map<String, Integer> pagesByDocument() {
        return pagesByDocument(Audience.VOLUNTEERS);
    }

    /** As {@link #pagesByDocument()}, counting the pages this audience searches (for visitors, published ones). */
    Map<String, Integer> pagesByDocument(Audience audience);

    /** The number of pages searchable now by volunteers (published versions' pages not counted). */
    long count();

    /**
     * Starts rebuilding the index from scratch, for the reindex job. Searches go on against the current index until
     * {@link Rebuild#complete()} switches to the new one at once; pages indexed or deleted meanwhile go to both.
     * One rebuild at a time.
     */
    Rebuild startRebuild();

    /** Rebuilds the index from every page of every document, as {@link #startRebuild()}; returns the pages indexed. */
    default long rebuild(Stream<PageDocument> pages) {
        try (Rebuild rebuild = startRebuild()) {
            List<PageDocument> batch = new ArrayList<>(Rebuild.BATCH);
            Spliterator<PageDocument> source = pages.spliterator();
            while (source.tryAdvance(batch::add)) {
                if (batch.size() == Rebuild.BATCH) {
                    rebuild.add(batch);
                    batch.clear();
                }
            }
            rebuild.add(batch);
            rebuild.complete();
            return rebuild.pages();
        }
    }

    @Override
    void close();

    /**
     * A rebuild in progress: the reindex job adds every page (a chunk at a time, as a Spring Batch writer does),
     * then completes it. Closing it without completing abandons it and leaves the current index as it was.
     */
    interface Rebuild extends AutoCloseable {

        int BATCH = 1_000;

        /**
         * Adds pages. The pages of a document may come in several calls; a document indexed meanwhile through
         * {@link SearchIndex#index} is replaced by the version given here (the database's).
         */
        void add(List<PageDocument> pages);

        /** Pages of documents added so far (their published versions' pages not counted). */
        long pages();

        /** Makes the rebuilt index the one searched, and drops the previous one. */
        void complete();

        @Override
        void close();
    }
}

package fr.lanterne.search;

import java.io.IOException;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** A searcher with the facet state of its reader, computed when the searcher is opened. */
final class PageSearcher extends IndexSearcher {

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

    /** Opens a page searcher on each new reader; {@code executor} spreads a search over segments (null: none). */
    static SearcherFactory factory(FacetsConfig config, Executor executor, DocumentBlocks blocks) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new PageSearcher(reader, config, executor, blocks);
            }
        };
    }
}

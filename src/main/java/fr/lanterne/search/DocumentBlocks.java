package fr.lanterne.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;

/**
 * For each segment, which document each page belongs to, as a number per page (the segment's ordinal of the document's
 * SHA-256): pages of one document share their facet values, so counting can read them once per run of pages.
 * Computed once per segment (segments never change; deletions do not matter here) and dropped with it.
 */
final class DocumentBlocks {

    private final Map<IndexReader.CacheKey, int[]> bySegment = new ConcurrentHashMap<>();

    /** The document number of every page of the segment; pages without one get a number of their own. */
    int[] of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper cache = segment.getCoreCacheHelper();
        if (cache == null) {
            return compute(segment);
        }
        int[] blocks = bySegment.get(cache.getKey());
        if (blocks == null) {
            blocks = compute(segment);
            if (bySegment.putIfAbsent(cache.getKey(), blocks) == null) {
                cache.addClosedListener(bySegment::remove);
            }
        }
        return blocks;
    }

    private static int[] compute(LeafReader segment) throws IOException {
        int[] blocks = new int[segment.maxDoc()];
        SortedDocValues documents = DocValues.getSorted(segment, PageFields.SHA256);
        for (int page = 0; page < blocks.length; page++) {
            blocks[page] = documents.advanceExact(page) ? documents.ordValue() : -1 - page;
        }
        return blocks;
    }
}

package fr.lanterne.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * Counts the facet values of matching pages, like Lucene's {@code SortedSetDocValuesFacetCounts} over the same doc
 * values, but reading a document's values once for each run of its matching pages: the pages of a document are added
 * together, so they sit side by side in a segment, and a query matching most of a million pages reads the values of
 * its tens of thousands of documents instead of its pages. Exact. Used for dense matches only (see
 * {@link PageQueries}): on scattered matches the runs are one page long and Lucene's counting is faster.
 */
final class PageFacetCounts extends Facets {

    private final SortedSetDocValuesReaderState state;
    private final int[] counts;

    PageFacetCounts(SortedSetDocValuesReaderState state, FacetsCollector hits, DocumentBlocks blocks)
            throws IOException {
        this.state = state;
        SortedSetDocValues all = state.getDocValues();
        counts = new int[Math.toIntExact(all.getValueCount())];
        OrdinalMap toGlobal = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        for (FacetsCollector.MatchingDocs segment : hits.getMatchingDocs()) {
            DocIdSetIterator pages = segment.totalHits == 0 ? null : segment.bits.iterator();
            if (pages != null) {
                count(segment, pages, blocks.of(segment.context.reader()),
                        toGlobal == null ? LongValues.IDENTITY : toGlobal.getGlobalOrds(segment.context.ord));
            }
        }
    }

    private void count(FacetsCollector.MatchingDocs segment, DocIdSetIterator pages, int[] documentOf,
                       LongValues toGlobal) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(segment.context.reader(), state.getField());
        // Counted by segment ordinal, then moved to global ordinals once per value rather than once per document.
        int[] segmentCounts = new int[Math.toIntExact(values.getValueCount())];
        int[] ords = new int[16];
        int ordCount = 0;
        int run = 0;
        int document = 0;
        for (int page = pages.nextDoc(); page != DocIdSetIterator.NO_MORE_DOCS; page = pages.nextDoc()) {
            if (run > 0 && documentOf[page] == document) {
                run++;
                continue;
            }
            add(segmentCounts, ords, ordCount, run);
            document = documentOf[page];
            run = 1;
            ordCount = 0;
            if (values.advanceExact(page)) {
                int valueCount = values.docValueCount();
                if (valueCount > ords.length) {
                    ords = new int[valueCount];
                }
                for (int i = 0; i < valueCount; i++) {
                    ords[ordCount++] = (int) values.nextOrd();
                }
            }
        }
        add(segmentCounts, ords, ordCount, run);
        for (int ord = 0; ord < segmentCounts.length; ord++) {
            if (segmentCounts[ord] > 0) {
                counts[(int) toGlobal.get(ord)] += segmentCounts[ord];
            }
        }
    }

    private static void add(int[] counts, int[] ords, int ordCount, int run) {
        for (int i = 0; i < ordCount; i++) {
            counts[ords[i]] += run;
        }
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        OrdRange range = state.getOrdRange(dim);
        if (range == null) {
            return null;
        }
        List<Integer> ords = new ArrayList<>();
        for (int ord = range.start; ord <= range.end; ord++) {
            if (counts[ord] > 0) {
                ords.add(ord);
            }
        }
        // Most frequent first; equal counts in value order, as Lucene's own counts.
        ords.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        return result(dim, ords.subList(0, Math.min(topN, ords.size())), ords.size());
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
        OrdRange range = state.getOrdRange(dim);
        if (range == null) {
            return null;
        }
        List<Integer> ords = new ArrayList<>();
        for (int ord = range.start; ord <= range.end; ord++) {
            if (counts[ord] > 0) {
                ords.add(ord);
            }
        }
        return result(dim, ords, ords.size());
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
        long ord = state.getDocValues().lookupTerm(new org.apache.lucene.util.BytesRef(
                FacetsConfig.pathToString(dim, path)));
        return ord < 0 ? -1 : counts[(int) ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
        List<FacetResult> results = new ArrayList<>();
        for (String dim : state.getDims()) {
            FacetResult result = getTopChildren(topN, dim);
            if (result != null && result.labelValues.length > 0) {
                results.add(result);
            }
        }
        return results;
    }

    private FacetResult result(String dim, List<Integer> ords, int childCount) throws IOException {
        SortedSetDocValues labels = state.getDocValues();
        LabelAndValue[] values = new LabelAndValue[ords.size()];
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            String[] dimAndValue = FacetsConfig.stringToPath(labels.lookupOrd(ords.get(i)).utf8ToString());
            values[i] = new LabelAndValue(dimAndValue[1], counts[ords.get(i)]);
            total += counts[ords.get(i)];
        }
        return new FacetResult(dim, new String[0], total, values, childCount);
    }

    @Override
    public String toString() {
        return "PageFacetCounts" + Arrays.toString(Arrays.copyOf(counts, Math.min(counts.length, 20)));
    }
}

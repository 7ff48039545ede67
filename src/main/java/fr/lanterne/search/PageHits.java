package fr.lanterne.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The pages found, read back as hits with their best passages highlighted (for results and similar documents). */
final class PageHits {

    private static final int PASSAGES = 2;
    private static final int PASSAGE_LENGTH = 160;
    private static final int MAX_HIGHLIGHTED_CHARS = 100_000;
    /** Cloned for each passage search: creating a sentence iterator costs a millisecond, a clone next to nothing. */
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.FRENCH);

    private final Analyzer analyzer;

    PageHits(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The hits for these pages, in their order, with passages marking what {@code highlighted} matches. */
    List<SearchHit> of(IndexSearcher searcher, ScoreDoc[] page, Query highlighted) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String[] passages = highlighter(searcher).highlight(PageFields.TEXT, highlighted,
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), PASSAGES);
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
}

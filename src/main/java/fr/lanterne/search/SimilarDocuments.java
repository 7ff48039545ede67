package fr.lanterne.search;

import fr.lanterne.shared.InvalidInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * More like this: the other documents whose text is most like a document's, from the distinctive words of its first
 * pages, one hit per document.
 */
final class SimilarDocuments {

    private static final int MORE_LIKE_THIS_PAGES = 50;
    private static final int MORE_LIKE_THIS_CHARS = 200_000;

    private final IndexGenerations generations;
    private final Analyzer analyzer;
    private final PageHits hits;

    SimilarDocuments(IndexGenerations generations, Analyzer analyzer, PageHits hits) {
        this.generations = generations;
        this.analyzer = analyzer;
        this.hits = hits;
    }

    /** As {@link SearchIndex#moreLikeThis}. */
    List<SearchHit> of(String sha256, int size) {
        String sha = PageDocument.normalizeSha256(sha256);
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new InvalidInputException("Le nombre de documents semblables doit être compris entre 1 et "
                    + SearchQuery.MAX_SIZE + ".");
        }
        return generations.withSearcher(searcher -> {
            Query self = PageFields.receivedPages(sha);
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
            Query others = PageQueries.forAudience(new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(self, Occur.MUST_NOT).build(), Audience.VOLUNTEERS);
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
            return hits.of(searcher, best.toArray(ScoreDoc[]::new), like);
        });
    }
}

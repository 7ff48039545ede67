package fr.lanterne.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis for document pages and queries: words (Unicode rules) → elision ({@code l'}, {@code d'}, {@code qu'},
 * straight or curly apostrophe) → lower case → accents folded → a short list of French function words removed →
 * closed compounds split ({@link CompoundSplitFilter}) → light French stemming.
 *
 * <p>Lucene's own {@code FrenchAnalyzer} keeps accents, removes "pas" and "sans", and has no compound handling; this
 * one folds accents (scans and people type "video" as often as "vidéo") and keeps the negations, which change the
 * meaning of a sentence about surveillance ("pas de reconnaissance faciale").
 */
final class FrenchSearchAnalyzer extends Analyzer {

    /** Articles, prepositions, pronouns and auxiliaries, folded; negations (pas, ne, non, sans, ni, aucun) stay. */
    static final CharArraySet STOP_WORDS = new CharArraySet(java.util.List.of(
            "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle",
            "elles", "en", "est", "et", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m",
            "n", "on", "ou", "par", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sont", "sur",
            "t", "un", "une", "y"), false);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new CompoundSplitFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** For prefix, wildcard and fuzzy queries, which are not analysed: the same folding as the words indexed. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
    }
}

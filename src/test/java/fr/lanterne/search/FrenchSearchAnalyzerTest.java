package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class FrenchSearchAnalyzerTest {

    private final Analyzer analyzer = new FrenchSearchAnalyzer();

    @Test
    void the_three_spellings_of_a_compound_give_the_same_tokens() throws IOException {
        List<String> expected = terms("vidéo protection");
        assertThat(terms("vidéoprotection")).isEqualTo(expected);
        assertThat(terms("Vidéo-Protection")).isEqualTo(expected);
        assertThat(terms("VIDEOPROTECTION")).isEqualTo(expected);
        assertThat(terms("vidéoprotections")).isEqualTo(terms("vidéo protections"));
        assertThat(expected).hasSize(2);
    }

    @Test
    void the_parts_of_a_compound_follow_each_other_so_that_phrases_match() throws IOException {
        assertThat(positions("vidéoprotection urbaine")).containsExactly(1, 1, 1);
    }

    @Test
    void ordinary_words_that_start_like_a_compound_stay_whole() throws IOException {
        assertThat(terms("télévision géométrie biologie vidéos")).hasSize(4);
    }

    @Test
    void elision_case_and_accents() throws IOException {
        assertThat(terms("l'AIPD")).isEqualTo(terms("aipd"));
        assertThat(terms("d’analyse")).isEqualTo(terms("analyse"));
        assertThat(terms("Délibération")).isEqualTo(terms("deliberation"));
        assertThat(terms("caméras")).isEqualTo(terms("caméra"));
    }

    @Test
    void negations_are_kept() throws IOException {
        assertThat(terms("pas de reconnaissance faciale")).hasSize(3);
    }

    @Test
    void the_parts_of_a_compound_carry_the_offsets_of_their_own_letters() throws IOException {
        assertThat(offsets("l'vidéoprotection")).containsExactly("vidéo", "protection");
        assertThat(offsets("la vidéosurveillance")).containsExactly("vidéo", "surveillance");
    }

    private List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private List<Integer> positions(String text) throws IOException {
        List<Integer> increments = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                increments.add(increment.getPositionIncrement());
            }
            stream.end();
        }
        return increments;
    }

    private List<String> offsets(String text) throws IOException {
        List<String> spans = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                spans.add(text.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        return spans;
    }
}

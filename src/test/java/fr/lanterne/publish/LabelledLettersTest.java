package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proposals on the twenty development letters, through real PDFs: a floor under precision and recall, so a change
 * to the detectors that loses ground fails here (RedactionBenchmark reports the figures, held-out letters included).
 */
class LabelledLettersTest {

    @Test
    void proposals_find_most_labels_and_little_else() {
        DocumentWords words = new DocumentWords(RedactionSettings.defaults());
        RedactionProposals proposals = new RedactionProposals();
        LabelledLetters.Score score = new LabelledLetters.Score();
        for (LabelledLetters.Letter letter : LabelledLetters.development()) {
            List<PageText> pages = words.read(letter.pdf());
            LabelledLetters.score(letter, pages, proposals.propose(pages), score);
        }
        System.out.println(score.table());

        assertThat(score.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void labels_are_read_out_of_the_text() {
        LabelledLetters.Letter letter = LabelledLetters.parse("x", "À {{NAME:Léa Girard}}\n{{POSTAL_ADDRESS:1 rue A|38000 B}}");

        assertThat(letter.text()).isEqualTo("À Léa Girard\n1 rue A\n38000 B");
        assertThat(letter.labels()).containsExactly(new LabelledLetters.Label(ProposalKind.NAME, "Léa Girard"),
                new LabelledLetters.Label(ProposalKind.POSTAL_ADDRESS, "1 rue A 38000 B"));
    }
}

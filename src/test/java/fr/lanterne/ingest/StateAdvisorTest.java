package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateAdvisorTest {

    private final StateAdvisor advisor = new StateAdvisor();

    private static final ReplyDocument REFUSAL = new ReplyDocument("refus.pdf", DocumentKind.REFUSAL_LETTER,
            "Le CCTP ne peut être communiqué (article L311-5 du CRPA).", 1);
    private static final ReplyDocument CCTP = new ReplyDocument("cctp.pdf", DocumentKind.PUBLIC_CONTRACT,
            "Cahier des clauses techniques particulières…", 42);
    private static final ReplyDocument COVER = new ReplyDocument("Re: votre demande", DocumentKind.OTHER,
            "Bonjour, veuillez trouver ci-joint les documents demandés. Cordialement.", 1);

    @Test
    void a_refusal_alone_is_a_refusal() {
        StateSuggestion suggestion = advisor.suggest(List.of(COVER, REFUSAL));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.REFUSED);
        assertThat(suggestion.reason()).contains("refus.pdf", "courrier de refus");
    }

    @Test
    void a_refusal_beside_documents_is_a_partial_answer() {
        assertThat(advisor.suggest(List.of(REFUSAL, CCTP)).state()).isEqualTo(SuggestedState.PARTLY_ANSWERED);
    }

    @Test
    void documents_of_requested_kinds_are_an_answer() {
        StateSuggestion suggestion = advisor.suggest(List.of(COVER, CCTP));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.ANSWERED);
        assertThat(suggestion.reason()).contains("1 document", "cctp.pdf");
    }

    @Test
    void documents_announced_as_incomplete_are_a_partial_answer() {
        ReplyDocument cover = new ReplyDocument("courriel", DocumentKind.OTHER,
                "Voici la délibération ; les autres documents vous seront transmis dans un second temps.", 1);

        assertThat(advisor.suggest(List.of(cover, CCTP)).state()).isEqualTo(SuggestedState.PARTLY_ANSWERED);
    }

    @Test
    void a_refusal_of_only_part_is_a_partial_answer() {
        ReplyDocument partial = new ReplyDocument("refus-partiel.pdf", DocumentKind.REFUSAL_LETTER,
                "Les documents vous sont communiqués à l'exception de l'annexe 3, qui ne peut être communiquée.", 1);

        assertThat(advisor.suggest(List.of(partial)).state()).isEqualTo(SuggestedState.PARTLY_ANSWERED);
    }

    @Test
    void saying_the_documents_do_not_exist_is_an_answer() {
        ReplyDocument none = new ReplyDocument("courriel", DocumentKind.OTHER,
                "La commune ne dispose d'aucun dispositif de vidéosurveillance algorithmique ; "
                        + "ces documents n'existent pas.", 1);

        StateSuggestion suggestion = advisor.suggest(List.of(none));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.ANSWERED);
        assertThat(suggestion.reason()).contains("n'existent pas");
    }

    @Test
    void a_cover_letter_alone_is_unknown() {
        assertThat(advisor.suggest(List.of(COVER)).state()).isEqualTo(SuggestedState.UNKNOWN);
        assertThat(advisor.suggest(List.of()).state()).isEqualTo(SuggestedState.UNKNOWN);
    }
}

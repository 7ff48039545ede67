package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** CRPA L311-2: no duty to communicate what is publicly disseminated; only past or present dissemination counts. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Les délibérations demandées font l’objet d’une diffusion publique au recueil des actes administratifs.  | REFERS_TO_PUBLICATION
            Ce rapport a déjà été publié ; vous le trouverez sur https://www.ville-exemple.fr/rapport-2024.pdf.       | REFERS_TO_PUBLICATION
            Le compte administratif 2023 est disponible sur le site de la commune, rubrique Finances.                | REFERS_TO_PUBLICATION
            Les procès-verbaux du conseil sont consultables en ligne à l’adresse www.mairie-exemple.fr/conseil.      | REFERS_TO_PUBLICATION
            L’arrêté a été publié au recueil des actes administratifs de la préfecture n° 75-2024-112.               | REFERS_TO_PUBLICATION
            Les données sont librement téléchargeables sur le portail data.gouv.fr.                                  | REFERS_TO_PUBLICATION
            Ces documents sont déjà en ligne sur notre site internet.                                                | REFERS_TO_PUBLICATION
            La délibération sera publiée au recueil des actes administratifs du mois prochain.                       | UNKNOWN
            Le rapport n’a pas été publié et ne fait pas l’objet d’une diffusion publique.                           | UNKNOWN
            Les statistiques seront disponibles sur le site en juin.                                                 | UNKNOWN
            Ce document n’est pas encore consultable en ligne.                                                       | UNKNOWN
            Le registre n’est plus accessible en ligne depuis la refonte du site.                                    | UNKNOWN
            Le dossier est consultable en mairie aux heures d’ouverture, sur rendez-vous.                            | UNKNOWN
            """)
    void a_reply_that_says_the_documents_are_already_published(String sentence, SuggestedState expected) {
        ReplyDocument reply = new ReplyDocument("courriel", DocumentKind.OTHER, "Madame, Monsieur, " + sentence, 1);

        assertThat(advisor.suggest(List.of(reply)).state()).isEqualTo(expected);
    }

    @Test
    void a_publication_gives_its_address_and_the_checks_to_make() {
        ReplyDocument reply = new ReplyDocument("courriel", DocumentKind.OTHER, "Bonjour, les documents sont déjà "
                + "publiés : https://www.ville-exemple.fr/deliberations/2024-03.pdf. Cordialement.", 1);

        StateSuggestion suggestion = advisor.suggest(List.of(reply));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.REFERS_TO_PUBLICATION);
        assertThat(suggestion.reason()).contains("à l'adresse https://www.ville-exemple.fr/deliberations/2024-03.pdf",
                "L311-2", "L342-1", "CADA").doesNotContain("pdf..");
    }

    @Test
    void a_publication_without_address_asks_for_it() {
        ReplyDocument letter = new ReplyDocument("reponse.pdf", DocumentKind.REFUSAL_LETTER, "Les documents "
                + "sollicités faisant l'objet d'une diffusion publique, il n'y a pas lieu de vous les communiquer.", 1);

        StateSuggestion suggestion = advisor.suggest(List.of(letter));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.REFERS_TO_PUBLICATION);
        assertThat(suggestion.reason()).contains("sans donner d'adresse");
    }

    @Test
    void a_separate_refusal_stays_a_refusal_with_the_publication_note() {
        ReplyDocument cover = new ReplyDocument("courriel", DocumentKind.OTHER,
                "Le budget est disponible sur le site de la ville : https://ville-exemple.fr/budget.", 1);

        StateSuggestion suggestion = advisor.suggest(List.of(cover, REFUSAL));

        assertThat(suggestion.state()).isEqualTo(SuggestedState.REFUSED);
        assertThat(suggestion.reason()).contains("renvoie aussi à une publication", "https://ville-exemple.fr/budget");
    }
}

package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.letters.LetterEmail;
import fr.lanterne.settings.PostalAddress;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.RequesterKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What a visitor reads of a letter as sent: the words of the request, nobody's personal data. */
class PublicLetterTest {

    static final PublicLetter.Masks MASKS = new PublicLetter.Masks("un membre de l’association",
            "[courriel masqué]", "[adresse masquée]");

    static final RequesterIdentity CAMILLE = new RequesterIdentity(RequesterKind.NATURAL_PERSON, "Martin", "Camille",
            null, null, null, null, PostalAddress.parse("12 rue de la Préfecture\n06300 Nice"), null,
            "demandes@lanterne.test", "Nice");

    static final RequesterIdentity ASSOCIATION = new RequesterIdentity(RequesterKind.LEGAL_PERSON, null, null,
            "Association déclarée (loi 1901)", "Vigilance Isère", "Dominique Roux", "présidente",
            PostalAddress.parse("3 place Grenette\n38000 Grenoble"), PostalAddress.parse("BP 12\n38001 Grenoble"),
            "contact@vigilance.test", "Grenoble");

    /** A row: the requester, a paragraph as sent, what must show, what must not. */
    record Case(RequesterIdentity identity, String paragraph, String shown, String hidden) {
    }

    static List<Case> cases() {
        return List.of(
                // The reply address of the request (R311-9 asks to answer by email): masked, plus-part and all.
                new Case(CAMILLE, "à l'adresse demandes+LNT-2026-000001@lanterne.test, dans un standard ouvert",
                        "à l'adresse [courriel masqué], dans un standard ouvert", "lanterne.test"),
                // Any other address as well, whoever it leads to.
                new Case(ASSOCIATION, "Écrire à camille.martin@exemple.fr.", "Écrire à [courriel masqué].",
                        "camille.martin"),
                // A natural person signing: their name, either way round, and alone.
                new Case(CAMILLE, "Je soussignée Camille Martin, demeurant à Nice",
                        "Je soussignée un membre de l’association, demeurant à Nice", "Camille"),
                new Case(CAMILLE, "MARTIN Camille, Martin Camille",
                        "un membre de l’association, un membre de l’association", "Camille"),
                new Case(CAMILLE, "Pour Martin.", "Pour un membre de l’association.", "Martin"),
                // Their home address, on one line or by lines.
                new Case(CAMILLE, "Adresse : 12 rue de la Préfecture, 06300 Nice.", "Adresse : [adresse masquée].",
                        "Préfecture"),
                new Case(CAMILLE, "Au 12 rue de la Préfecture", "Au [adresse masquée]", "Préfecture"),
                // A legal person stays named; its representative is a person, and is not.
                new Case(ASSOCIATION, "Vigilance Isère, représentée par Dominique Roux, présidente",
                        "Vigilance Isère, représentée par un membre de l’association, présidente", "Roux"),
                new Case(ASSOCIATION, "Siège : 3 place Grenette, 38000 Grenoble ; courrier : BP 12",
                        "Siège : [adresse masquée] ; courrier : [adresse masquée]", "Grenette"),
                // No identity stored any more: the emails still go.
                new Case(null, "Réponse à demandes@lanterne.test svp", "Réponse à [courriel masqué] svp",
                        "@"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void masks_the_requesters_personal_data(Case c) {
        PublicLetter letter = PublicLetter.of(new LetterEmail("[LNT-2026-000001] Demande de documents",
                "Madame, Monsieur,\n\n" + c.paragraph() + "\n\nCamille Martin\n12 rue de la Préfecture\n"
                        + "demandes+LNT-2026-000001@lanterne.test\n"), c.identity(), MASKS);
        assertThat(letter.paragraphs()).containsExactly("Madame, Monsieur,", c.shown());
        assertThat(String.join("\n", letter.paragraphs())).doesNotContain(c.hidden());
    }

    @Test
    void the_sender_block_goes_whatever_it_holds_and_the_subject_loses_its_reference() {
        // A letter signed by someone who is no longer the identity: the block that closes it goes all the same.
        PublicLetter letter = PublicLetter.of(new LetterEmail("[LNT-2026-000007] Demande – vidéoprotection",
                "À l’attention de la PRADA\n\nMadame, Monsieur,\n\nVeuillez agréer…\n\nAncien Signataire\n"
                        + "1 rue Ailleurs\n75000 Paris\nancien@exemple.fr\n"), CAMILLE, MASKS);
        assertThat(letter.subject()).isEqualTo("Demande – vidéoprotection");
        assertThat(letter.paragraphs()).containsExactly("À l’attention de la PRADA", "Madame, Monsieur,",
                "Veuillez agréer…");
    }
}

package fr.lanterne.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A referral to the CADA is drafted only with every element CRPA R343-1 requires of the requester (the CADA registers
 * only complete referrals, and R343-5's two months run from that registration); otherwise the refusal names each
 * missing element.
 */
class ReferralIdentityTest {

    static final IdentityDraft PERSON = IdentityDraftTest.PERSON;
    static final IdentityDraft ASSOCIATION = IdentityDraftTest.ASSOCIATION;

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            natural | -                   | -
            legal   | -                   | -
            natural | surname             | il manque le nom du demandeur (CRPA R343-1)
            natural | givenNames          | il manque les prénoms du demandeur (CRPA R343-1)
            natural | homeAddress         | il manque l’adresse du domicile du demandeur (CRPA R343-1)
            natural | surname+givenNames  | il manque le nom du demandeur et les prénoms du demandeur (CRPA R343-1)
            natural | kind                | il manque la qualité de personne physique ou morale du demandeur (CRPA R343-1)
            legal   | legalForm           | il manque la forme juridique de la personne morale (CRPA R343-1)
            legal   | denomination        | il manque la dénomination de la personne morale (CRPA R343-1)
            legal   | seatAddress         | il manque l’adresse du siège social de la personne morale (CRPA R343-1)
            legal   | representativeName  | il manque le nom du représentant légal de la personne morale (CRPA R343-1)
            legal   | representativeTitle | il manque la qualité du représentant légal de la personne morale (CRPA R343-1)
            natural | mailbox             | l’adresse électronique de réponse manque
            natural | place               | le lieu de signature manque (
            """)
    void a_referral_is_drafted_or_refused_naming_the_missing_element(String who, String without, String expected) {
        IdentityDraft draft = who.equals("natural") ? PERSON : ASSOCIATION;
        if (without != null) {
            for (String field : without.split("\\+")) {
                draft = without(draft, field);
            }
        }

        Optional<String> refusal = draft.referralRefusal();

        if (expected == null) {
            assertThat(refusal).isEmpty();
            assertThat(draft.identity()).isNotNull();
        } else {
            assertThat(refusal).get().asString()
                    .startsWith("Impossible de rédiger la saisine de la CADA : ")
                    .contains(expected)
                    .endsWith("Complétez l’identité du demandeur (/reglages/identite).");
        }
    }

    @org.junit.jupiter.api.Test
    void the_example_of_the_issue_reads_as_one_sentence() {
        assertThat(without(PERSON, "homeAddress").referralRefusal()).contains("Impossible de rédiger la saisine de "
                + "la CADA : il manque l’adresse du domicile du demandeur (CRPA R343-1). Complétez l’identité du "
                + "demandeur (/reglages/identite).");
    }

    @org.junit.jupiter.api.Test
    void an_element_present_but_wrong_is_named_with_what_is_wrong() {
        IdentityDraft wrong = new IdentityDraft("NATURAL_PERSON", "Martin", "Camille", "12 rue de la Préfecture",
                null, null, null, null, null, null, "demandes@exemple.org", "Nice");

        assertThat(wrong.referralRefusal()).get().asString()
                .contains("l’adresse du domicile du demandeur n’est pas valable (")
                .contains("(CRPA R343-1)");
    }

    static IdentityDraft without(IdentityDraft d, String field) {
        return new IdentityDraft(field.equals("kind") ? null : d.kind(),
                field.equals("surname") ? null : d.surname(),
                field.equals("givenNames") ? " " : d.givenNames(),
                field.equals("homeAddress") ? null : d.homeAddress(),
                field.equals("legalForm") ? null : d.legalForm(),
                field.equals("denomination") ? "" : d.denomination(),
                field.equals("seatAddress") ? null : d.seatAddress(),
                field.equals("representativeName") ? null : d.representativeName(),
                field.equals("representativeTitle") ? null : d.representativeTitle(),
                d.letterAddress(),
                field.equals("mailbox") ? null : d.mailbox(),
                field.equals("place") ? null : d.place());
    }
}

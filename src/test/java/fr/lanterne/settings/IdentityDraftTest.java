package fr.lanterne.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a referral to the CADA must state of the requester (CRPA R343-1), and what letters need besides. */
class IdentityDraftTest {

    static final IdentityDraft PERSON = new IdentityDraft("NATURAL_PERSON", "Martin", "Camille Anne",
            "12 rue de la Préfecture\n06300 Nice", null, null, null, null, null, null, "demandes@exemple.org",
            "Nice");
    static final IdentityDraft ASSOCIATION = new IdentityDraft("LEGAL_PERSON", null, null, null,
            "Association déclarée (loi 1901)", "Lanterne 06", "1 rue de la Paix / 75002 Paris", "Dominique Roux",
            "présidente", "BP 12\n06001 Nice Cedex 1", "demandes@exemple.org", "Paris");

    @Test
    void a_natural_person_signs_with_prenoms_and_nom_from_their_domicile() {
        RequesterIdentity identity = PERSON.identity();

        assertThat(identity.displayName()).isEqualTo("Camille Anne Martin");
        assertThat(identity.postalAddress().lines()).containsExactly("12 rue de la Préfecture", "06300 Nice");
        assertThat(identity.details()).isEmpty();
        assertThat(identity.replyAddress("LNT-2026-000123")).isEqualTo("demandes+LNT-2026-000123@exemple.org");
        assertThat(identity.draft().identity()).isEqualTo(identity);
    }

    @Test
    void a_legal_person_states_its_form_representative_and_siege_when_letters_show_another_address() {
        RequesterIdentity identity = ASSOCIATION.identity();

        assertThat(identity.displayName()).isEqualTo("Lanterne 06");
        assertThat(identity.registeredAddress().lines()).containsExactly("1 rue de la Paix", "75002 Paris");
        assertThat(identity.postalAddress().lines()).containsExactly("BP 12", "06001 Nice Cedex 1");
        assertThat(identity.details()).containsExactly("Association déclarée (loi 1901)",
                "représentée par Dominique Roux, présidente", "Siège social : 1 rue de la Paix, 75002 Paris");
        assertThat(identity.draft().identity()).isEqualTo(identity);
    }

    @Test
    void a_half_filled_identity_names_every_missing_field_of_its_kind() {
        IdentityDraft legal = new IdentityDraft("LEGAL_PERSON", "Martin", "Camille", "12 rue X\n06300 Nice", null,
                "Lanterne 06", null, null, null, null, null, " ");

        assertThat(legal.problems()).containsOnlyKeys("legalForm", "seatAddress", "representativeName",
                "representativeTitle", "mailbox", "place");
        assertThat(legal.problems().get("legalForm")).contains("R343-1");
        assertThat(IdentityDraft.empty().problems()).containsOnlyKeys("surname", "givenNames", "homeAddress",
                "mailbox", "place");
        assertThat(new IdentityDraft(null, null, null, null, null, null, null, null, null, null,
                "a@b.fr", "Nice").problems()).containsOnlyKeys("kind");
        assertThatThrownBy(() -> legal.identity()).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details()).containsEntry("field", "legalForm"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "12 rue de la Paix / 75002 Paris|",
            "BP 12 / 06001 Nice Cedex 1|",
            "12 rue de la Paix|code postal",
            "12 rue de la Paix / 7500 Paris|code postal",
            "12 rue de la Paix / 75002|code postal",
            "75002 Paris 12 rue de la Paix beaucoup trop long pour une ligne|38 au plus",
            "a / b / c / d / e / 75002 Paris|5 au plus"})
    void a_postal_address_has_a_line_with_a_five_digit_postal_code_and_a_town(String address, String problem) {
        if (problem == null) {
            assertThat(PostalAddress.problem(address)).isEmpty();
        } else {
            assertThat(PostalAddress.problem(address)).get().asString().contains(problem);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "demandes@exemple.org|",
            "demandes+cada@exemple.org|",
            "demandes|valide",
            "demandes@exemple|valide",
            "de mandes@exemple.org|valide",
            "demandes@lanterne.invalid|.invalid"})
    void the_mailbox_is_an_email_address_replies_can_reach(String mailbox, String problem) {
        IdentityDraft draft = new IdentityDraft("NATURAL_PERSON", "Martin", "Camille", "1 rue X / 06300 Nice", null,
                null, null, null, null, null, mailbox, "Nice");
        if (problem == null) {
            assertThat(draft.problems()).isEmpty();
        } else {
            assertThat(draft.problems()).containsOnlyKeys("mailbox");
            assertThat(draft.problems().get("mailbox")).contains(problem);
        }
    }

    @Test
    void the_placeholder_of_an_unset_identity_is_nobody() {
        IdentityDraft placeholder = new IdentityDraft("LEGAL_PERSON", null, null, null, "Association",
                "Collectif Lanterne", "1 rue X / 75002 Paris", "Camille Martin", "présidente", null,
                "demandes@exemple.org", "Paris");

        assertThat(placeholder.problems()).containsOnlyKeys("denomination");
        assertThat(new IdentityDraft("NATURAL_PERSON", "Lanterne", "Collectif", "1 rue X / 75002 Paris", null, null,
                null, null, null, null, "demandes@exemple.org", "Paris").problems()).containsOnlyKeys("surname");
    }

    @Test
    void lengths_are_those_of_the_columns() {
        IdentityDraft longName = new IdentityDraft("NATURAL_PERSON", "M".repeat(IdentityDraft.MAX_SURNAME + 1),
                "Camille", "1 rue X / 06300 Nice", null, null, null, null, null, null, "a@b.fr", "Nice");

        assertThat(longName.problems()).containsOnlyKeys("surname");
        assertThat(List.of(PostalAddress.MAX_LENGTH)).containsExactly(194);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://lanterne.exemple.org/|https://lanterne.exemple.org",
            "http://localhost:8080/lanterne|http://localhost:8080/lanterne",
            "lanterne.exemple.org|",
            "ftp://lanterne.exemple.org|",
            "https://lanterne.exemple.org/?x=1|"})
    void the_public_url_is_an_http_address_without_query(String typed, String expected) {
        if (expected == null) {
            assertThatThrownBy(() -> Settings.parsePublicUrl(typed)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).details())
                            .containsEntry("field", "publicUrl"));
        } else {
            assertThat(Settings.parsePublicUrl(typed)).hasToString(expected);
        }
    }
}

package fr.lanterne.web.pages.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.settings.IdentityDraft;
import fr.lanterne.settings.RequesterKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class IdentityFormTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    static IdentityForm association() {
        return new IdentityForm("LEGAL_PERSON", "", "", "", "Association déclarée (loi 1901)", "Vigilance Isère",
                "8 place Grenette\r\n38000 Grenoble", "Dominique Roux", "présidente", "", "cada@isere.test",
                "Grenoble", " https://lanterne.isere.test/ ");
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void a_complete_form_is_an_identity_and_the_other_kinds_fields_are_dropped() {
        IdentityForm form = new IdentityForm("LEGAL_PERSON", "Roux", "Dominique", "1 rue X\n75002 Paris",
                "Association déclarée (loi 1901)", "Vigilance Isère", "8 place Grenette\r\n38000 Grenoble",
                "Dominique Roux", "présidente", " ", "cada@isere.test", "Grenoble", "");

        assertThat(VALIDATOR.validate(form)).isEmpty();
        assertThat(form.problems()).isEmpty();
        assertThat(form.legalPerson()).isTrue();
        var identity = form.draft().identity();
        assertThat(identity.kind()).isEqualTo(RequesterKind.LEGAL_PERSON);
        assertThat(identity.surname()).isNull();
        assertThat(identity.letterAddress()).isNull();
        assertThat(identity.postalAddress().lines()).containsExactly("8 place Grenette", "38000 Grenoble");
    }

    @Test
    void every_missing_or_wrong_field_is_named_at_once() {
        IdentityForm form = new IdentityForm("LEGAL_PERSON", "", "", "", "", "Vigilance Isère",
                "8 place Grenette", "", "présidente", "BP 12", "cada", "", "lanterne.isere.test");

        assertThat(form.problems()).containsOnlyKeys("legalForm", "seatAddress", "representativeName",
                "letterAddress", "mailbox", "place", "publicUrl");
        assertThat(form.problems().get("seatAddress")).contains("code postal").contains("75002 Paris");
    }

    @Test
    void lengths_are_bounded_by_bean_validation_as_the_columns_are() {
        IdentityForm form = new IdentityForm("NATURAL_PERSON", "R".repeat(IdentityDraft.MAX_SURNAME + 1),
                "Dominique", "1 rue X\n75002 Paris", null, "D".repeat(IdentityDraft.MAX_DENOMINATION + 1), null, null,
                null, null, "a".repeat(250) + "@isere.test", "Grenoble", "https://" + "x".repeat(300) + ".test");

        Set<ConstraintViolation<IdentityForm>> violations = VALIDATOR.validate(form);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("surname", "denomination", "mailbox", "publicUrl");
        assertThat(violations).allSatisfy(v -> assertThat(v.getMessageTemplate())
                .isEqualTo(IdentityForm.TOO_LONG));
    }

    @Test
    void the_form_shows_what_is_saved_and_the_kind_it_was() {
        IdentityDraft saved = association().draft().identity().draft();

        IdentityForm shown = IdentityForm.of(saved, "https://lanterne.isere.test");

        assertThat(shown.legalPerson()).isTrue();
        assertThat(shown.seatAddress()).isEqualTo("8 place Grenette\n38000 Grenoble");
        assertThat(shown.homeAddress()).isNull();
        assertThat(shown.publicUrl()).isEqualTo("https://lanterne.isere.test");
        assertThat(shown.problems()).isEmpty();
    }
}

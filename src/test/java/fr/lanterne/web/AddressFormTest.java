package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.authorities.ContactSource;
import fr.lanterne.authorities.FrenchPostalAddress;
import fr.lanterne.authorities.Provenance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** The address form as typed, checked without Spring: lengths (Bean Validation), then formats and emptiness. */
class AddressFormTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    private static final Provenance DIRECTORY = new Provenance(ContactSource.OFFICIAL_DIRECTORY, "fiche 1",
            LocalDate.of(2026, 3, 2), Instant.EPOCH, "alice");
    private static final Provenance TYPED = new Provenance(ContactSource.MANUAL, "camille", LocalDate.of(2026, 11, 2),
            Instant.EPOCH, "camille");

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @ParameterizedTest(name = "« {0} » ends with a postal code line: {1}")
    @CsvSource(delimiter = '|', value = {
            "Hôtel de ville / 42000 Saint-Étienne | true",
            "Hôtel de ville / CS 34205 / 42007 Saint-Étienne Cedex 1 | true",
            "42007 SAINT-ETIENNE CEDEX | true",
            "Mairie / 2A004 Ajaccio | false",
            "Mairie / 4200 Saint-Étienne | false",
            "Mairie / 42 000 Saint-Étienne | false",
            "Mairie / Saint-Étienne 42000 | false",
            "Mairie / 42000 | false",
            "Mairie / 420000 Saint-Étienne | false",
            "Place de l’Hôtel-de-Ville / 42000 Saint-Étienne / France | false"})
    void the_last_line_of_a_french_address_is_its_postal_code_and_town(String typed, boolean valid) {
        String address = typed.replace(" / ", "\n");
        assertThat(FrenchPostalAddress.hasPostalCodeLine(address)).isEqualTo(valid);
    }

    @Test
    void an_address_and_an_email_typed_right_are_recorded_as_typed() {
        AddressForm form = new AddressForm("  Mairie@Saint-Etienne.example ",
                "Hôtel de ville\r\n\r\n CS 34205\n42007 Saint-Étienne Cedex 1\n");
        Errors errors = check(form);

        ContactDetails details = form.toDetails(null, errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(details.email()).isEqualTo("mairie@saint-etienne.example");
        assertThat(details.postalAddress()).isEqualTo("Hôtel de ville\nCS 34205\n42007 Saint-Étienne Cedex 1");
    }

    /** CRPA R330-4: the PRADA's own address, optional, checked like the town hall's and kept in its own field. */
    @Test
    void the_pradas_address_is_optional_checked_and_recorded_in_its_field() {
        AddressForm form = new AddressForm("mairie@roanne.example", null);
        form.setPradaAddress("Direction juridique / 4 rue des Archives / 42300 Roanne");
        Errors errors = check(form);
        ContactDetails details = form.toDetails(null, errors);
        assertThat(errors.hasErrors()).isFalse();
        assertThat(details.pradaAddress()).isEqualTo("Direction juridique\n4 rue des Archives\n42300 Roanne");
        assertThat(details.postalAddress()).isNull();

        AddressForm wrong = new AddressForm("mairie@roanne.example", null);
        wrong.setPradaAddress("Direction juridique\nRoanne");
        Errors wrongErrors = check(wrong);
        assertThat(wrong.toDetails(null, wrongErrors)).isNull();
        assertThat(wrongErrors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactly("pradaAddress=address.error.postalCode");

        AddressForm alone = new AddressForm(null, null);
        alone.setPradaAddress("PRADA\n42300 Roanne");
        Errors aloneErrors = check(alone);
        assertThat(alone.toDetails(null, aloneErrors).pradaAddress()).isEqualTo("PRADA\n42300 Roanne");
    }

    @Test
    void a_wrong_postal_code_is_said_next_to_the_address() {
        AddressForm form = new AddressForm("mairie@ville.example", "Place de la Mairie\n4200 Saint-Étienne");
        Errors errors = check(form);

        assertThat(form.toDetails(null, errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactly("postalAddress=address.error.postalCode");
    }

    @Test
    void an_invalid_email_is_said_next_to_the_email() {
        AddressForm form = new AddressForm("mairie(at)ville", null);
        Errors errors = check(form);

        assertThat(form.toDetails(null, errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactly("email=address.error.email.invalid");
    }

    @Test
    void an_empty_form_is_refused_as_a_whole() {
        AddressForm form = new AddressForm(" ", "\n \n");
        Errors errors = check(form);

        assertThat(form.toDetails(null, errors)).isNull();
        assertThat(errors.getGlobalErrors()).extracting(e -> e.getCode()).containsExactly("address.error.empty");
        assertThat(errors.getFieldErrors()).isEmpty();
    }

    @Test
    void values_longer_than_their_columns_are_refused_by_bean_validation() {
        AddressForm form = new AddressForm("a".repeat(310) + "@ville.example", "x".repeat(995) + "\n42000 Ville");

        Set<ConstraintViolation<AddressForm>> violations = validator.validate(form);

        assertThat(violations).extracting(v -> v.getPropertyPath() + "=" + v.getMessageTemplate())
                .containsExactlyInAnyOrder("email={address.error.email.tooLong}",
                        "postalAddress={address.error.postalAddress.tooLong}");
        Errors errors = check(form);
        assertThat(form.toDetails(null, errors)).as("not checked further, not recorded").isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactlyInAnyOrder("email=Size", "postalAddress=Size");
    }

    @Test
    void an_address_of_more_than_ten_lines_is_refused() {
        AddressForm form = new AddressForm(null, "ligne\n".repeat(10) + "42000 Saint-Étienne");
        Errors errors = check(form);

        assertThat(form.toDetails(null, errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactly("postalAddress=address.error.postalAddress.lines");
    }

    @Test
    void a_value_left_as_the_directory_gave_it_is_not_recorded_as_typed() {
        Contact current = new Contact("mairie@ville.example", DIRECTORY, "Mairie\n42000 Saint-Étienne", DIRECTORY,
                null, null);
        AddressForm form = new AddressForm("mairie@ville.example", "Hôtel de ville\n42000 Saint-Étienne");
        Errors errors = check(form);

        ContactDetails details = form.toDetails(current, errors);

        assertThat(details.email()).as("still the directory's, which a later import may correct").isNull();
        assertThat(details.postalAddress()).isEqualTo("Hôtel de ville\n42000 Saint-Étienne");
        assertThat(form.sameAs(current)).isFalse();
    }

    @Test
    void a_value_typed_before_stays_typed() {
        Contact current = new Contact("dpo@ville.example", TYPED, "Mairie\n42000 Saint-Étienne", DIRECTORY, null, null);
        AddressForm form = new AddressForm("DPO@ville.example", "Hôtel de ville\n42000 Saint-Étienne");

        ContactDetails details = form.toDetails(current, check(form));

        assertThat(details).isEqualTo(new ContactDetails("dpo@ville.example", "Hôtel de ville\n42000 Saint-Étienne",
                null, null));
    }

    @Test
    void the_form_as_the_address_already_is_changes_nothing() {
        Contact current = new Contact("mairie@ville.example", DIRECTORY, "Mairie\n42000 Saint-Étienne", DIRECTORY,
                null, null);

        assertThat(AddressForm.of(current).sameAs(current)).isTrue();
        assertThat(new AddressForm("Mairie@ville.example ", "Mairie / 42000 Saint-Étienne").sameAs(current)).isTrue();
        assertThat(new AddressForm(null, "Mairie / 42000 Saint-Étienne").sameAs(current)).isFalse();
        assertThat(new AddressForm(" ", "").sameAs(Contact.NONE)).as("an empty form is refused, not unchanged").isFalse();
    }

    /** What Spring MVC does with {@code @Valid}: Bean Validation's errors on their fields. */
    private static Errors check(AddressForm form) {
        Errors errors = new BeanPropertyBindingResult(form, "address");
        new org.springframework.validation.beanvalidation.SpringValidatorAdapter(validator).validate(form, errors);
        return errors;
    }
}

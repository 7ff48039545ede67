package fr.lanterne.web.pages.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class PasswordFormTest {

    @Test
    void the_same_long_enough_password_twice_is_accepted() {
        PasswordForm form = form(null, "une phrase longue", "une phrase longue");
        Errors errors = errors(form);

        assertThat(form.toPassword(errors, false)).containsExactly("une phrase longue".toCharArray());
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void two_different_passwords_are_refused_beside_the_second() {
        PasswordForm form = form(null, "une phrase longue", "une phrase longue!");
        Errors errors = errors(form);

        assertThat(form.toPassword(errors, false)).isNull();
        assertThat(codes(errors)).containsExactly("confirmation=accounts.password.differ");
    }

    @Test
    void a_short_password_is_refused_with_the_rule_of_the_command_line() {
        PasswordForm form = form(null, "court", "court");
        Errors errors = errors(form);

        assertThat(form.toPassword(errors, false)).isNull();
        assertThat(codes(errors)).containsExactly("password=accounts.password.tooShort");
        assertThat(errors.getFieldError("password").getArguments()).containsExactly(10);
        assertThat(errors.getFieldError("password").getDefaultMessage()).contains("au moins 10 caractères");
    }

    @Test
    void nine_characters_are_too_few_ten_are_enough() {
        assertThat(form(null, "123456789", "123456789").toPassword(errors(form(null, "", "")), false)).isNull();
        PasswordForm ten = form(null, "1234567890", "1234567890");
        assertThat(ten.toPassword(errors(ten), false)).hasSize(10);
    }

    @Test
    void more_than_72_octets_is_too_long_for_bcrypt() {
        String accents = "é".repeat(37); // 37 characters, 74 octets
        PasswordForm form = form(null, accents, accents);
        Errors errors = errors(form);

        assertThat(form.toPassword(errors, false)).isNull();
        assertThat(codes(errors)).containsExactly("password=accounts.password.tooLong");
    }

    @Test
    void the_profile_asks_for_the_current_password_too() {
        PasswordForm form = form("", "", "");
        Errors errors = errors(form);

        assertThat(form.toPassword(errors, true)).isNull();
        assertThat(codes(errors)).containsExactlyInAnyOrder("current=accounts.password.current.missing",
                "password=accounts.password.missing");
    }

    private static PasswordForm form(String current, String password, String confirmation) {
        PasswordForm form = new PasswordForm();
        form.setCurrent(current);
        form.setPassword(password);
        form.setConfirmation(confirmation);
        return form;
    }

    private static Errors errors(PasswordForm form) {
        return new BeanPropertyBindingResult(form, "passwordForm");
    }

    private static java.util.List<String> codes(Errors errors) {
        return errors.getFieldErrors().stream().map(e -> e.getField() + "=" + e.getCode()).toList();
    }
}

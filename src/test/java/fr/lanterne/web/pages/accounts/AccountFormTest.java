package fr.lanterne.web.pages.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class AccountFormTest {

    @Test
    void a_complete_form_is_a_new_account_with_its_name_in_lower_case() {
        AccountForm form = form(" Camille.M ", "volunteer", "  Collectif Nice ", " camille@example.org ");
        Errors errors = errors(form);

        AccountForm.Values values = form.toNewAccount(errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(values).isEqualTo(new AccountForm.Values("camille.m", Role.VOLUNTEER, "Collectif Nice",
                "camille@example.org"));
    }

    @Test
    void blank_group_and_email_mean_none() {
        AccountForm form = form("dominique", "RESEARCHER", " ", "");
        Errors errors = errors(form);

        assertThat(form.toNewAccount(errors)).isEqualTo(new AccountForm.Values("dominique", Role.RESEARCHER, null,
                null));
    }

    @Test
    void every_field_is_checked_at_once_each_error_beside_its_field() {
        AccountForm form = form("camille martin", "SUPERUSER", "x".repeat(101), "camille@");
        Errors errors = errors(form);

        assertThat(form.toNewAccount(errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode()).containsExactlyInAnyOrder(
                "username=accounts.username.invalid", "role=accounts.role.unknown", "group=accounts.group.invalid",
                "email=accounts.email.invalid");
        // The users module's own sentence stays as the default, for a message source without the key.
        assertThat(errors.getFieldError("username").getDefaultMessage()).contains("camille martin")
                .contains("de 2 à 60 caractères");
    }

    @Test
    void names_longer_than_the_column_or_of_one_character_are_refused() {
        for (String name : new String[] {"a".repeat(61), "a", "", "émile", "a/b", "-abc"}) {
            AccountForm form = form(name, "VOLUNTEER", null, null);
            Errors errors = errors(form);
            assertThat(form.toNewAccount(errors)).as(name).isNull();
            assertThat(errors.getFieldError("username")).as(name).isNotNull();
        }
        AccountForm longest = form("a".repeat(60), "VOLUNTEER", null, null);
        assertThat(longest.toNewAccount(errors(longest))).isNotNull();
    }

    @Test
    void a_missing_role_is_asked_for() {
        AccountForm form = form("alice", " ", null, null);
        Errors errors = errors(form);

        assertThat(form.toNewAccount(errors)).isNull();
        assertThat(errors.getFieldError("role").getCode()).isEqualTo("accounts.role.missing");
    }

    @Test
    void emails_that_are_not_addresses_are_refused() {
        for (String email : new String[] {"camille", "camille@example", "ca mille@example.org", "a@b@c.fr",
                "camille@.org", "c@" + "x".repeat(320) + ".fr"}) {
            AccountForm form = form("alice", "ADMIN", null, email);
            Errors errors = errors(form);
            assertThat(form.toChanges(errors)).as(email).isNull();
            assertThat(errors.getFieldError("email")).as(email).isNotNull();
        }
    }

    @Test
    void changes_ignore_the_name_and_start_from_the_account() {
        User user = new User("alice", Role.ADMIN, null, "alice@example.org", true, Instant.EPOCH, "Nice");
        AccountForm form = AccountForm.of(user);
        form.setUsername("whatever it says");
        form.setRole("RESEARCHER");
        Errors errors = errors(form);

        assertThat(form.toChanges(errors)).isEqualTo(new AccountForm.Values(null, Role.RESEARCHER, "Nice",
                "alice@example.org"));
    }

    private static AccountForm form(String username, String role, String group, String email) {
        AccountForm form = new AccountForm();
        form.setUsername(username);
        form.setRole(role);
        form.setGroup(group);
        form.setEmail(email);
        return form;
    }

    private static Errors errors(AccountForm form) {
        return new BeanPropertyBindingResult(form, "form");
    }
}

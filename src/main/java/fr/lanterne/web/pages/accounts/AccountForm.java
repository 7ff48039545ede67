package fr.lanterne.web.pages.accounts;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.validation.Errors;

/**
 * The account form as typed: a new account (name, role, group, email) or the changes to one (role, group, email).
 * Every field is text, so that a refused form comes back as it was typed with each error beside its field; the
 * rules are the users module's, checked here first so that all errors show at once.
 */
class AccountForm {

    /** What the form asks for, checked. */
    record Values(String username, Role role, String group, String email) {
    }

    @Size(max = Users.MAX_USERNAME)
    @StoredIn("app_user.username")
    private String username;
    @Size(max = 20)
    private String role;
    @Size(max = Users.MAX_GROUP)
    @StoredIn("app_user.group_name")
    private String group;
    @Size(max = Users.MAX_EMAIL)
    @StoredIn("app_user.email")
    private String email;

    static AccountForm of(User user) {
        AccountForm form = new AccountForm();
        form.username = user.username();
        form.role = user.role().name();
        form.group = user.group();
        form.email = user.email();
        return form;
    }

    /** A new account; null when the form has errors. */
    Values toNewAccount(Errors errors) {
        String name = check(errors, "username", () -> Users.checkUsername(username), "accounts.username.invalid");
        Values values = toChanges(errors);
        return errors.hasErrors() ? null : new Values(name, values.role(), values.group(), values.email());
    }

    /** The role, group and email of an existing account; null when the form has errors. */
    Values toChanges(Errors errors) {
        Role parsed = role(errors);
        String groupName = check(errors, "group", () -> Users.checkGroup(group), "accounts.group.invalid");
        String address = check(errors, "email", () -> Users.checkEmail(email), "accounts.email.invalid");
        return errors.hasErrors() ? null : new Values(null, parsed, groupName, address);
    }

    private Role role(Errors errors) {
        if (role == null || role.isBlank()) {
            errors.rejectValue("role", "accounts.role.missing");
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("role", "accounts.role.unknown");
            return null;
        }
    }

    private interface Check {
        String value();
    }

    private static String check(Errors errors, String field, Check check, String code) {
        try {
            return check.value();
        } catch (InvalidInputException e) {
            errors.rejectValue(field, code, e.getMessage());
            return null;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

package fr.lanterne.web.pages.accounts;

import jakarta.validation.constraints.Size;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.users.Users;
import org.springframework.validation.Errors;

/** A new password typed twice (and, on the profile, the current one): the two must agree and follow the rule. */
class PasswordForm {

    // Passwords are checked in octets (bcrypt reads 72 at most); these bounds only keep what is read small.
    @Size(max = 200)
    private String current;
    @Size(max = 200)
    private String password;
    @Size(max = 200)
    private String confirmation;

    /** The new password; null when the form has errors. */
    char[] toPassword(Errors errors, boolean askCurrent) {
        if (askCurrent && (current == null || current.isEmpty())) {
            errors.rejectValue("current", "accounts.password.current.missing");
        }
        if (password == null || password.isEmpty()) {
            errors.rejectValue("password", "accounts.password.missing");
        } else {
            try {
                Users.checkPassword(password.toCharArray());
            } catch (InvalidInputException e) {
                errors.rejectValue("password", password.length() < Users.MIN_PASSWORD_LENGTH
                        ? "accounts.password.tooShort" : "accounts.password.tooLong",
                        arguments(Users.MIN_PASSWORD_LENGTH), e.getMessage());
            }
            if (!password.equals(confirmation)) {
                errors.rejectValue("confirmation", "accounts.password.differ");
            }
        }
        return errors.hasErrors() ? null : password.toCharArray();
    }

    /** The arguments of an error's message, as {@link Errors#rejectValue(String, String, Object[], String)} takes them. */
    private static Object[] arguments(Object... values) {
        return values;
    }

    char[] current() {
        return current == null ? new char[0] : current.toCharArray();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

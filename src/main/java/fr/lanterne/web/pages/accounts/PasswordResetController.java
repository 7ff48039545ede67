package fr.lanterne.web.pages.accounts;

import fr.lanterne.shared.UserError;
import fr.lanterne.users.PasswordResets;
import fr.lanterne.users.Users;
import fr.lanterne.web.AuditDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page a password link opens: the person chooses their password, twice, and the link is spent. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @ModelAttribute("minPasswordLength")
    int minPasswordLength() {
        return Users.MIN_PASSWORD_LENGTH;
    }

    @GetMapping("/mot-de-passe/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        PasswordResets.Check check = resets.check(token);
        model.addAttribute("passwordForm", new PasswordForm());
        return page(token, check, model, response);
    }

    @PostMapping("/mot-de-passe/{token}")
    String choose(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
                  BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        PasswordResets.Check check = resets.check(token);
        if (check.status() != PasswordResets.Status.VALID) {
            return page(token, check, model, response);
        }
        char[] password = form.toPassword(errors, false);
        if (password != null) {
            try {
                String username = resets.use(token, password);
                AuditDetail.note(request, "mot de passe choisi par le lien de " + username);
                return "redirect:/login?password";
            } catch (UserError e) {
                if ("token".equals(e.details().get("field"))) {
                    model.addAttribute("linkError", e.getMessage());
                } else {
                    errors.rejectValue("password", "accounts.refused", e.getMessage());
                }
            } finally {
                Arrays.fill(password, ' ');
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("username", check.username());
        model.addAttribute("token", token);
        return "accounts/password";
    }

    private static String page(String token, PasswordResets.Check check, Model model, HttpServletResponse response) {
        if (check.status() != PasswordResets.Status.VALID) {
            // Gone, in both cases; the sentence says whether asking again will help.
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("linkError", PasswordResets.refusal(check.status()).getMessage());
            return "accounts/password";
        }
        model.addAttribute("username", check.username());
        model.addAttribute("token", token);
        return "accounts/password";
    }
}

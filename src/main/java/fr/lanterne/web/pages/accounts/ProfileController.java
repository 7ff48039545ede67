package fr.lanterne.web.pages.accounts;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.UserError;
import fr.lanterne.users.Account;
import fr.lanterne.users.Users;
import fr.lanterne.web.AuditDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own page: who they are, their password, the secret address of their deadlines calendar. */
@Controller
class ProfileController {

    private final Users users;
    private final PasswordLinks links;

    ProfileController(Users users, PasswordLinks links) {
        this.users = users;
        this.links = links;
    }

    @ModelAttribute("minPasswordLength")
    int minPasswordLength() {
        return Users.MIN_PASSWORD_LENGTH;
    }

    @GetMapping("/profil")
    String profile(Principal principal, Model model) {
        return page(principal, model);
    }

    @PostMapping("/profil/mot-de-passe")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Principal principal,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        char[] password = form.toPassword(errors, true);
        if (password != null) {
            char[] current = form.current();
            try {
                users.changePassword(principal.getName(), current, password);
            } catch (UserError e) {
                Object field = e.details().get("field");
                errors.rejectValue("current".equals(field) ? "current" : "password", "accounts.refused",
                        e.getMessage());
            } finally {
                Arrays.fill(password, ' ');
                Arrays.fill(current, ' ');
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(principal, model);
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/profil";
    }

    @PostMapping("/profil/calendrier")
    String renewCalendar(Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        users.calendarToken(principal.getName(), true);
        AuditDetail.note(request, "nouvelle adresse de calendrier (l’ancienne ne fonctionne plus)");
        redirect.addFlashAttribute("calendarRenewed", true);
        return "redirect:/profil";
    }

    private String page(Principal principal, Model model) {
        Account account = users.account(principal.getName()).orElseThrow(() -> new NotFoundException(
                "Votre compte n’existe plus : demandez à un·e administrateur·rice.", Map.of()));
        model.addAttribute("account", account);
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        String token = users.calendarToken(account.user().username(), false);
        model.addAttribute("calendarLink", links.link(Users.calendarPath(token)));
        return "accounts/profile";
    }
}

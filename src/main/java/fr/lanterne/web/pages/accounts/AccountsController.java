package fr.lanterne.web.pages.accounts;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.UserError;
import fr.lanterne.users.Account;
import fr.lanterne.users.PasswordResets;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import fr.lanterne.web.AuditDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The administrators' pages of accounts (the security configuration keeps them to administrators). */
@Controller
class AccountsController {

    private final Users users;
    private final PasswordResets resets;
    private final PasswordLinks links;

    AccountsController(Users users, PasswordResets resets, PasswordLinks links) {
        this.users = users;
        this.resets = resets;
        this.links = links;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @ModelAttribute("linkHours")
    long linkHours() {
        return PasswordResets.VALIDITY.toHours();
    }

    @GetMapping("/comptes")
    String list(Model model) {
        model.addAttribute("accounts", users.accounts());
        return "accounts/list";
    }

    @GetMapping("/comptes/nouveau")
    String newAccount(Model model) {
        AccountForm form = new AccountForm();
        form.setRole(Role.VOLUNTEER.name());
        model.addAttribute("form", form);
        return "accounts/new";
    }

    @PostMapping("/comptes/nouveau")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Principal admin,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        AccountForm.Values values = form.toNewAccount(errors);
        User user = null;
        if (values != null) {
            try {
                user = users.create(values.username(), values.role(), values.group(), values.email());
            } catch (UserError e) {
                reject(errors, e, "username");
            }
        }
        if (user == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/new";
        }
        AuditDetail.note(request, "compte créé : " + describe(user));
        PasswordLinks.Delivery delivery = links.send(user, resets.issue(user.username(), admin.getName()), true);
        redirect.addFlashAttribute("created", true);
        redirect.addFlashAttribute("delivery", delivery);
        return "redirect:/comptes/" + UriUtils.encodePathSegment(user.username(), "UTF-8");
    }

    @GetMapping("/comptes/{name}")
    String account(@PathVariable String name, Model model) {
        Account account = find(name);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AccountForm.of(account.user()));
        }
        model.addAttribute("account", account);
        return "accounts/account";
    }

    @PostMapping("/comptes/{name}")
    String update(@PathVariable String name, @Valid @ModelAttribute("form") AccountForm form, BindingResult errors,
                  Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Account account = find(name);
        User before = account.user();
        AccountForm.Values values = form.toChanges(errors);
        if (values != null) {
            try {
                if (values.role() != before.role()) {
                    users.setRole(before.username(), values.role());
                }
                if (!Objects.equals(values.group(), before.group())) {
                    users.setGroup(before.username(), values.group());
                }
                if (!Objects.equals(values.email(), before.email())) {
                    users.setEmail(before.username(), values.email());
                }
            } catch (UserError e) {
                reject(errors, e, "role");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("account", account);
            return "accounts/account";
        }
        User after = users.find(before.username()).orElseThrow();
        AuditDetail.note(request, "compte " + before.username() + " : " + describe(after) + " (avant : "
                + describe(before) + ")");
        redirect.addFlashAttribute("saved", true);
        return "redirect:/comptes/" + UriUtils.encodePathSegment(before.username(), "UTF-8");
    }

    @PostMapping("/comptes/{name}/activation")
    String enable(@PathVariable String name, @RequestParam boolean enabled, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Account account = find(name);
        try {
            users.setEnabled(account.user().username(), enabled);
        } catch (UserError e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("account", account);
            model.addAttribute("form", AccountForm.of(account.user()));
            model.addAttribute("activationError", e.getMessage());
            return "accounts/account";
        }
        AuditDetail.note(request, "compte " + account.user().username() + (enabled ? " réactivé" : " désactivé"));
        redirect.addFlashAttribute(enabled ? "enabled" : "disabled", true);
        return "redirect:/comptes/" + UriUtils.encodePathSegment(account.user().username(), "UTF-8");
    }

    @PostMapping("/comptes/{name}/lien")
    String sendLink(@PathVariable String name, Principal admin, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Account account = find(name);
        PasswordResets.Issued issued;
        try {
            issued = resets.issue(account.user().username(), admin.getName());
        } catch (UserError e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("account", account);
            model.addAttribute("form", AccountForm.of(account.user()));
            model.addAttribute("linkError", e.getMessage());
            return "accounts/account";
        }
        PasswordLinks.Delivery delivery = links.send(account.user(), issued, false);
        AuditDetail.note(request, "lien de mot de passe pour " + account.user().username() + " : "
                + delivery.outcome() + (delivery.detail() == null ? "" : " (" + delivery.detail() + ")"));
        redirect.addFlashAttribute("delivery", delivery);
        return "redirect:/comptes/" + UriUtils.encodePathSegment(account.user().username(), "UTF-8");
    }

    private Account find(String name) {
        return users.account(name).orElseThrow(() -> new NotFoundException(
                "Aucun compte ne s’appelle « " + name + " ».", Map.of("username", name)));
    }

    /** A refusal of the users module, beside the field it names. */
    static void reject(BindingResult errors, UserError e, String defaultField) {
        Object field = e.details().get("field");
        String target = field instanceof String f && List.of("username", "role", "group", "email").contains(f)
                ? f : defaultField;
        errors.rejectValue(target, "accounts.refused", e.getMessage());
    }

    private static String describe(User user) {
        return user.username() + ", " + user.role().label()
                + (user.group() == null ? ", sans collectif" : ", collectif " + user.group())
                + (user.email() == null ? ", sans courriel" : ", " + user.email());
    }
}

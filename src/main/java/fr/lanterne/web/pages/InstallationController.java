package fr.lanterne.web.pages;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.shared.UserError;
import fr.lanterne.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Creating the first administrator, at the secret address printed when the server starts with no account. */
@Controller
class InstallationController {

    private final FirstAccount firstAccount;
    private final Users users;

    InstallationController(FirstAccount firstAccount, Users users) {
        this.firstAccount = firstAccount;
        this.users = users;
    }

    @GetMapping("/installation")
    String form(@RequestParam(required = false) String jeton, Model model) {
        check(jeton);
        model.addAttribute("jeton", jeton);
        return "installation";
    }

    @PostMapping("/installation")
    String create(@RequestParam(required = false) @Size(max = 200) String jeton,
                  @RequestParam @Size(max = 60) @StoredIn("app_user.username") String username,
                  @RequestParam @Size(max = 200) String password, @RequestParam @Size(max = 200) String confirmation,
                  @RequestParam(required = false) @Size(max = 320) @StoredIn("app_user.email") String email, Model model, HttpServletResponse response) {
        check(jeton);
        model.addAttribute("jeton", jeton);
        model.addAttribute("username", username);
        model.addAttribute("email", email);
        if (!password.equals(confirmation)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of("confirmation", "Les deux mots de passe ne sont pas les mêmes."));
            return "installation";
        }
        try {
            users.addFirstAdministrator(username, password.toCharArray(), email);
        } catch (UserError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Object field = e.details().get("field");
            model.addAttribute("errors", Map.of(field instanceof String named ? named
                    : e.getMessage().contains("mot de passe") ? "password" : "username", e.getMessage()));
            return "installation";
        }
        return "redirect:/login?installed";
    }

    private void check(String jeton) {
        if (!firstAccount.open(jeton)) {
            throw new NotFoundException("Cette adresse ne sert qu'à créer le premier compte, avec le jeton affiché au "
                    + "démarrage du serveur.", Map.of());
        }
    }
}

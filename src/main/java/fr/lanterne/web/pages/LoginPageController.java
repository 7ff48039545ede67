package fr.lanterne.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPageController {

    /** A day: no suspension lasts longer; anything else in the address is not a number of minutes Lanterne wrote. */
    private static final int MAX_MINUTES = 24 * 60;

    /** {@code ?bloque=N}: sign-in was suspended after too many failures, for N more minutes. */
    @GetMapping("/login")
    String login(@RequestParam(name = "bloque", required = false) String locked, Model model) {
        if (locked != null && locked.matches("\\d{1,4}")) {
            int minutes = Integer.parseInt(locked);
            if (minutes >= 1 && minutes <= MAX_MINUTES) {
                model.addAttribute("lockedMinutes", minutes);
            }
        }
        return "login";
    }
}

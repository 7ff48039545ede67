package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Epci;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An intercommunalité's page: its members, where to write, whether a PRADA and the publication duty apply. */
@Controller
class EpciPageController {

    private final Authorities authorities;

    EpciPageController(Authorities authorities) {
        this.authorities = authorities;
    }

    @GetMapping("/intercommunalites/{siren}")
    String epci(@PathVariable String siren, Model model) {
        Epci epci = authorities.epci(siren);
        model.addAttribute("epci", epci);
        model.addAttribute("authority", authorities.findAuthority(epci.authorityCode()).orElse(null));
        return "epci/epci";
    }
}

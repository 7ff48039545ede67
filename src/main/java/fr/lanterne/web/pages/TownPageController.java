package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.CommuneNotFoundException;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A town's page: who to write to, and what is known of its surveillance. */
@Controller
class TownPageController {

    private final Authorities authorities;
    private final Registry registry;

    TownPageController(Authorities authorities, Registry registry) {
        this.authorities = authorities;
        this.registry = registry;
    }

    @GetMapping("/communes/{insee}")
    String town(@PathVariable String insee, Model model) {
        Optional<Commune> found = authorities.findCommune(insee);
        if (found.isEmpty() || !found.get().current()) {
            Optional<String> successor = authorities.successorOf(insee);
            if (successor.isPresent()) {
                return "redirect:/communes/" + successor.get();
            }
        }
        Commune commune = found.orElseThrow(() -> CommuneNotFoundException.forInsee(insee));
        model.addAttribute("commune", commune);
        model.addAttribute("townHall", authorities.townHall(commune.insee()));
        model.addAttribute("bodies", authorities.bodiesAbove(commune));
        model.addAttribute("deployments", registry.find(DeploymentQuery.ofCommune(commune.insee())));
        return "towns/town";
    }
}

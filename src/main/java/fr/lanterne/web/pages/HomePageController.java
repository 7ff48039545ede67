package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first page: find a town, see the deployments documented so far. */
@Controller
class HomePageController {

    private final Authorities authorities;
    private final Registry registry;

    HomePageController(Authorities authorities, Registry registry) {
        this.authorities = authorities;
        this.registry = registry;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            List<Commune> results = authorities.search(q, 20);
            if (results.size() == 1) {
                return "redirect:/communes/" + results.get(0).insee();
            }
            model.addAttribute("q", q.strip());
            model.addAttribute("results", results);
        }
        model.addAttribute("communeCount", authorities.countCurrentCommunes());
        model.addAttribute("deployments", registry.find(DeploymentQuery.all()));
        return "home";
    }
}

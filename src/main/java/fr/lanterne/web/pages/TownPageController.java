package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.CommuneNotFoundException;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.requests.Requests;
import fr.lanterne.web.RequestAccess;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
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
    private final Requests requests;
    private final Documents documents;
    private final RequestAccess access;

    TownPageController(Authorities authorities, Registry registry, Requests requests, Documents documents,
                       RequestAccess access) {
        this.authorities = authorities;
        this.registry = registry;
        this.requests = requests;
        this.documents = documents;
        this.access = access;
    }

    @GetMapping("/communes/{insee}")
    String town(@PathVariable String insee, Principal user, Model model) {
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
        List<Authority> bodies = authorities.bodiesAbove(commune);
        model.addAttribute("bodies", bodies);
        model.addAttribute("deployments", registry.find(DeploymentQuery.ofCommune(commune.insee())));
        // The town hall's, and the préfecture's and other bodies' that concern this town.
        List<String> codes = new ArrayList<>();
        codes.add(AuthorityCodes.townHall(commune.insee()));
        bodies.forEach(b -> codes.add(b.code()));
        List<String> owners = access.followedOwners(user);
        model.addAttribute("requests", owners != null && owners.isEmpty() ? List.of()
                : requests.list(owners, codes, null, 200));
        // Documents obtained from the town hall: visitors (public mode) see those a volunteer published.
        List<DocumentRecords.Summary> obtained = documents.ofAuthorities(List.of(codes.get(0)));
        model.addAttribute("documents", user != null ? obtained
                : obtained.stream().filter(DocumentRecords.Summary::published).toList());
        return "towns/town";
    }
}

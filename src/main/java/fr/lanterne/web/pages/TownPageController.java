package fr.lanterne.web.pages;

import fr.lanterne.web.VisitorNames;
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
import fr.lanterne.web.AddressForm;
import fr.lanterne.web.RequestAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A town's page: who to write to, and what is known of its surveillance. */
@Controller
class TownPageController {

    private final Authorities authorities;
    private final Registry registry;
    private final Requests requests;
    private final Documents documents;
    private final RequestAccess access;
    private final PublicRequests publicRequests;

    private final VisitorNames visitorNames;

    TownPageController(Authorities authorities, Registry registry, Requests requests, Documents documents,
                       RequestAccess access, PublicRequests publicRequests, VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.publicRequests = publicRequests;
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
        return show(found.orElseThrow(() -> CommuneNotFoundException.forInsee(insee)), user, model);
    }

    /**
     * The town hall's address as a volunteer types or corrects it; it wins over imported ones (which stay in the
     * history). A mistake shows the page again with it beside its field, and nothing saved.
     */
    @PostMapping("/communes/{insee}/adresse")
    String saveAddress(@PathVariable String insee, @Valid @ModelAttribute("address") AddressForm form,
                       BindingResult errors, Principal user, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        Commune commune = authorities.commune(insee);
        Authority townHall = authorities.townHall(commune.insee());
        if (!errors.hasErrors() && form.sameAs(townHall.contact())) {
            redirect.addFlashAttribute("addressUnchanged", true);
            return "redirect:/communes/" + commune.insee() + "#adresse";
        }
        var details = form.toDetails(townHall.contact(), errors);
        if (details == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(commune, user, model);
        }
        authorities.setContact(townHall.code(), details, user.getName());
        redirect.addFlashAttribute("addressSaved", true);
        return "redirect:/communes/" + commune.insee() + "#adresse";
    }

    private String show(Commune commune, Principal user, Model model) {
        Authority townHall = authorities.townHall(commune.insee());
        model.addAttribute("commune", commune);
        model.addAttribute("townHall", townHall);
        model.addAttribute("epci", authorities.epciOf(commune.insee()).orElse(null));
        if (!model.containsAttribute("address")) {
            model.addAttribute("address", AddressForm.of(townHall.contact()));
        }
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
                : obtained.stream().filter(DocumentRecords.Summary::published)
                        .map(d -> visitorNames.summary(d, LocaleContextHolder.getLocale())).toList());
        model.addAttribute("publicRequests", publicRequests.ofTown(commune.insee()));
        return "towns/town";
    }
}

package fr.lanterne.web.pages.registry;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.UserError;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating, editing and deleting deployments, for volunteers and administrators (the security rules keep the others
 * out). Two people editing the same deployment never overwrite each other: the second one gets their form back as
 * typed, beside the values saved meanwhile.
 */
@Controller
class DeploymentFormController {

    /** The registry's field names and the form's, where they differ. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("insee", "insee"),
            Map.entry("authorityCode", "authorityCode"), Map.entry("technology", "technology"),
            Map.entry("status", "status"), Map.entry("vendor", "vendor"), Map.entry("product", "product"),
            Map.entry("since", "since"), Map.entry("place", "place"), Map.entry("cameraCount", "cameraCount"),
            Map.entry("summary", "summary"), Map.entry("url", "sourceUrl"));

    private final Registry registry;

    DeploymentFormController(Registry registry) {
        this.registry = registry;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("statuses", DeploymentStatus.values());
        model.addAttribute("vendors", registry.vendors().stream().map(Vendor::name).toList());
    }

    /** @param commune the INSEE code of the town to start from, when coming from its page */
    @GetMapping("/registre/nouveau")
    String newDeployment(@RequestParam(name = "commune", required = false) String commune, Model model) {
        DeploymentForm form = new DeploymentForm();
        form.setInsee(commune);
        model.addAttribute("form", form);
        return "registry/form";
    }

    @PostMapping("/registre")
    String create(@Valid @ModelAttribute("form") DeploymentForm form, BindingResult errors, Principal user,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            DeploymentDraft draft = form.toDraft(errors);
            if (draft != null) {
                Deployment created = registry.create(draft, user.getName());
                redirect.addFlashAttribute("done", "registry.notice.created");
                return "redirect:/registre/" + created.id();
            }
        } catch (UserError e) {
            Refusals.reject(errors, e, FIELDS);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "registry/form";
    }

    @GetMapping("/registre/{id}/modifier")
    String edit(@PathVariable long id, Model model) {
        Deployment deployment = registry.deployment(id);
        model.addAttribute("deployment", deployment);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DeploymentForm.of(deployment));
        }
        return "registry/form";
    }

    @PostMapping("/registre/{id}/modifier")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") DeploymentForm form, BindingResult errors,
                  Principal user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Deployment current = registry.deployment(id);
        model.addAttribute("deployment", current);
        try {
            DeploymentChanges changes = form.toChanges(current, errors);
            if (changes != null) {
                registry.update(id, changes, user.getName());
                redirect.addFlashAttribute("done", "registry.notice.updated");
                return "redirect:/registre/" + id;
            }
        } catch (ConflictException e) {
            // The form stays as typed; it now carries the version saved meanwhile, so that saving it again,
            // once compared, replaces what the other person saved.
            Deployment saved = registry.deployment(id);
            DeploymentForm savedForm = DeploymentForm.of(saved);
            model.addAttribute("deployment", saved);
            model.addAttribute("saved", savedForm);
            model.addAttribute("changedMeanwhile", form.changedFields(savedForm));
            form.setVersion(saved.version());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "registry/form";
        } catch (UserError e) {
            Refusals.reject(errors, e, FIELDS);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "registry/form";
    }

    @PostMapping("/registre/{id}/supprimer")
    String delete(@PathVariable long id, @RequestParam int version, Principal user, RedirectAttributes redirect) {
        try {
            registry.delete(id, version, user.getName());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/registre/" + id + "/modifier";
        }
        redirect.addFlashAttribute("done", "registry.notice.deleted");
        redirect.addFlashAttribute("deletedId", String.valueOf(id));
        return "redirect:/registre";
    }
}

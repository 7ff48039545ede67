package fr.lanterne.web.pages;

import fr.lanterne.shared.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.Commune;
import fr.lanterne.letters.LetterTemplate;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.TemplateKind;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.Requests;
import fr.lanterne.web.AddressForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Requesting a town's documents in three steps: choose who to write to, which letters and how (the form), read the
 * letters (the preview, each a PDF), confirm. Confirming twice (a double click, a reload) sends once.
 */
@Controller
@RequestMapping("/communes/{insee}/demande")
class TownRequestController {

    /** What the form holds; every field may be missing or wrong, the page says which. */
    record RequestForm(@Size(max = 60) String authority, @Size(max = 20) List<@Size(max = 60) String> templates,
                       Channel channel, Boolean postIfNoEmail) {

        RequestForm {
            templates = templates == null ? List.of() : templates.stream().filter(t -> !t.isBlank()).toList();
            channel = channel == null ? Channel.EMAIL : channel;
            postIfNoEmail = Boolean.TRUE.equals(postIfNoEmail);
        }

        NewRequest request(String template) {
            return new NewRequest(authority, template, channel, postIfNoEmail);
        }
    }

    /** One letter of the preview: its template, and either the channel it would go by or why it cannot go. */
    record Planned(LetterTemplate template, Channel channel, String refusal) {
    }

    private final Authorities authorities;
    private final Requests requests;
    private final Letters letters;

    TownRequestController(Authorities authorities, Requests requests, Letters letters) {
        this.authorities = authorities;
        this.requests = requests;
        this.letters = letters;
    }

    @GetMapping
    String form(@PathVariable String insee, RequestForm form, @RequestParam(required = false) String apercu,
                HttpSession session, Model model, HttpServletResponse response) {
        Commune commune = authorities.commune(insee);
        RequestForm filled = form.authority() == null
                ? new RequestForm(authorities.townHall(commune.insee()).code(), form.templates(), form.channel(),
                form.postIfNoEmail())
                : form;
        show(commune, filled, model);
        if (apercu == null) {
            return "towns/request";
        }
        Map<String, String> errors = validate(filled);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return "towns/request";
        }
        List<Planned> planned = plan(filled);
        model.addAttribute("planned", planned);
        if (planned.stream().allMatch(p -> p.refusal() == null)) {
            model.addAttribute("token", LaunchTokens.of(session).issue(LaunchTokens.fingerprint(filled)));
        }
        offerAddress(filled, planned, model);
        return "towns/request";
    }

    /**
     * The address of the authority the letters go to, typed from the preview that said it was missing; saved, the
     * volunteer is back on the preview, the letters now addressed. A mistake shows the preview again with it beside
     * its field, and nothing saved.
     */
    @PostMapping("/adresse")
    String saveAddress(@PathVariable String insee, RequestForm form,
                       @Valid @ModelAttribute("address") AddressForm address, BindingResult errors, Principal user,
                       Model model, HttpServletResponse response) {
        Commune commune = authorities.commune(insee);
        Map<String, String> formErrors = validate(form);
        if (!formErrors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(commune, form, model);
            model.addAttribute("errors", formErrors);
            return "towns/request";
        }
        Authority addressee = authorities.authorityByCode(form.authority());
        if (!errors.hasErrors() && address.sameAs(addressee.contact())) {
            return previewAgain(commune, form);
        }
        var details = address.toDetails(addressee.contact(), errors);
        if (details == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(commune, form, model);
            List<Planned> planned = plan(form);
            model.addAttribute("planned", planned);
            model.addAttribute("addressee", addressee);
            return "towns/request";
        }
        authorities.setContact(addressee.code(), details, user.getName());
        return previewAgain(commune, form);
    }

    private static String previewAgain(Commune commune, RequestForm form) {
        return "redirect:" + UriComponentsBuilder.fromPath("/communes/{insee}/demande")
                .queryParam("apercu", "1")
                .queryParam("authority", form.authority())
                .queryParam("templates", form.templates().toArray())
                .queryParam("channel", form.channel())
                .queryParam("postIfNoEmail", form.postIfNoEmail())
                .fragment("apercu")
                .buildAndExpand(commune.insee())
                .encode()
                .toUriString();
    }

    /** A letter that cannot go for want of an address: the form to type it, right there. */
    private void offerAddress(RequestForm form, List<Planned> planned, Model model) {
        if (planned.stream().allMatch(p -> p.refusal() == null)) {
            return;
        }
        authorities.findAuthority(form.authority())
                .filter(a -> !a.contact().hasEmail() || !a.contact().hasPostalAddress())
                .ifPresent(a -> {
                    model.addAttribute("addressee", a);
                    model.addAttribute("address", AddressForm.of(a.contact()));
                });
    }

    @GetMapping("/apercu.pdf")
    ResponseEntity<byte[]> preview(@PathVariable String insee, RequestForm form,
                                   @RequestParam String template) {
        authorities.commune(insee);
        byte[] pdf = requests.previewPdf(form.request(template));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("apercu-" + template + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping
    String confirm(@PathVariable String insee, @Valid RequestForm form, @RequestParam(required = false) String token,
                   HttpSession session, Principal user, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Commune commune = authorities.commune(insee);
        String townPage = "/communes/" + commune.insee();
        LaunchTokens tokens = LaunchTokens.of(session);
        Optional<String> already = tokens.launched(token);
        if (already.isPresent()) {
            redirect.addFlashAttribute("alreadySent", true);
            return "redirect:" + already.get();
        }
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(commune, form, model);
            model.addAttribute("errors", errors);
            return "towns/request";
        }
        List<String> created = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        LaunchTokens.Redemption redemption = tokens.redeem(token, LaunchTokens.fingerprint(form), () -> {
            for (String template : form.templates()) {
                try {
                    created.add(requests.create(form.request(template), user.getName()).reference().value());
                } catch (UserError e) {
                    refused.put(template, e.getMessage());
                }
            }
            return townPage;
        });
        switch (redemption.status()) {
            case LAUNCHED -> {
                redirect.addFlashAttribute("created", created);
                redirect.addFlashAttribute("refused", refused);
                redirect.addFlashAttribute("forget", "town-request-" + commune.insee());
                return "redirect:" + townPage + "#demandes";
            }
            case ALREADY_LAUNCHED -> {
                redirect.addFlashAttribute("alreadySent", true);
                return "redirect:" + redemption.launched();
            }
            default -> {
                // The session expired between the preview and the confirmation, or the form changed: preview again.
                show(commune, form, model);
                model.addAttribute("expired", true);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return "towns/request";
            }
        }
    }

    private void show(Commune commune, RequestForm form, Model model) {
        List<Authority> recipients = new ArrayList<>();
        recipients.add(authorities.townHall(commune.insee()));
        recipients.addAll(authorities.bodiesAbove(commune));
        model.addAttribute("commune", commune);
        model.addAttribute("recipients", recipients);
        model.addAttribute("templates", letters.templates().ofKind(TemplateKind.REQUEST));
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
    }

    private Map<String, String> validate(RequestForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.authority() == null || form.authority().isBlank()) {
            errors.put("authority", "Choisissez à qui écrire.");
        } else {
            try {
                authorities.authorityByCode(form.authority());
            } catch (UserError e) {
                errors.put("authority", e.getMessage());
            }
        }
        if (form.templates().isEmpty()) {
            errors.put("templates", "Choisissez au moins un modèle de lettre : c'est ce qui dit quels documents "
                    + "demander.");
        }
        return errors;
    }

    private List<Planned> plan(RequestForm form) {
        List<Planned> planned = new ArrayList<>();
        for (String id : form.templates()) {
            if (!letters.templates().ids().contains(id)) {
                planned.add(new Planned(null, null, "Aucun modèle de lettre ne s'appelle « " + id + " »."));
                continue;
            }
            LetterTemplate template = letters.templates().get(id);
            try {
                planned.add(new Planned(template, requests.check(form.request(id)), null));
            } catch (UserError e) {
                planned.add(new Planned(template, null, e.getMessage()));
            }
        }
        return planned;
    }
}

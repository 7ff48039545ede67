package fr.lanterne.web.pages.settings;

import fr.lanterne.settings.IdentityDraft;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.PublicAddress;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who signs the requests, for administrators (the security rules keep the others out): until this form is saved
 * complete, nothing leaves Lanterne. Also the public address volunteers reach Lanterne at.
 */
@Controller
@RequestMapping("/reglages/identite")
class IdentityPageController {

    private final Settings settings;
    private final PublicAddress publicAddress;
    private final MessageSource messages;

    IdentityPageController(Settings settings, PublicAddress publicAddress, MessageSource messages) {
        this.publicAddress = publicAddress;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        IdentityDraft draft = settings.identityDraft();
        String publicUrl = settings.storedPublicUrl().map(URI::toString).orElse(null);
        return show(model, IdentityForm.of(draft, publicUrl), Map.of());
    }

    @PostMapping
    String save(@Valid @ModelAttribute("identity") IdentityForm form, BindingResult binding, Principal user,
                Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        if (errors.isEmpty()) {
            errors.putAll(form.problems());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, form, errors);
        }
        settings.saveIdentity(form.draft(), user.getName());
        settings.savePublicUrl(form.publicUrl(), user.getName());
        redirect.addFlashAttribute("saved", true);
        redirect.addFlashAttribute("forget", "settings-identity");
        return "redirect:/reglages/identite";
    }

    private String show(Model model, IdentityForm form, Map<String, String> errors) {
        model.addAttribute("identity", form);
        model.addAttribute("errors", errors);
        model.addAttribute("complete", settings.identityComplete());
        settings.requesterIdentity().ifPresent(current -> {
            List<String> lines = new ArrayList<>();
            lines.add(current.displayName());
            lines.addAll(current.details());
            lines.addAll(current.postalAddress().lines());
            lines.add(current.mailbox());
            model.addAttribute("current", current);
            model.addAttribute("senderLines", lines);
        });
        model.addAttribute("suggestedUrl", publicAddress.base().map(URI::toString).orElse(null));
        return "settings/identity";
    }
}

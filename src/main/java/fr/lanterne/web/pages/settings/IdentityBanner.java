package fr.lanterne.web.pages.settings;

import fr.lanterne.settings.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page needs of the settings: whether the requester identity is still missing (the header's banner then
 * says so, and links to the setup page), and the address of the first page served, Lanterne's public address until an
 * administrator sets one.
 */
@ControllerAdvice(basePackages = "fr.lanterne.web.pages")
class IdentityBanner {

    private final Settings settings;

    IdentityBanner(Settings settings) {
        this.settings = settings;
    }

    /** Only for people signed in: visitors have nothing to send. */
    @ModelAttribute("identityMissing")
    boolean identityMissing(Principal user, HttpServletRequest request) {
        return user != null && !settings.identityComplete();
    }
}

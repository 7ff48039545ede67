package fr.lanterne.web;

import fr.lanterne.users.PublicUrl;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The public address from {@code lanterne.web.public-url}. It is the seam for an address stored by a setup page:
 * such a source goes here, ahead of the property, and every link follows.
 */
@Component
class ConfiguredPublicUrl implements PublicUrl {

    private final WebProperties web;

    ConfiguredPublicUrl(WebProperties web) {
        this.web = web;
    }

    @Override
    public Optional<URI> configured() {
        return Optional.ofNullable(web.publicUrl());
    }
}

package fr.lanterne.web;

import fr.lanterne.settings.Settings;
import fr.lanterne.users.PublicUrl;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The public address an administrator set on the setup page, else {@code lanterne.web.public-url}; every link
 * follows it (through {@code users.PublicAddress}).
 */
@Component
class ConfiguredPublicUrl implements PublicUrl {

    private final WebProperties web;
    private final Settings settings;

    ConfiguredPublicUrl(WebProperties web, Settings settings) {
        this.web = web;
        this.settings = settings;
    }

    @Override
    public Optional<URI> configured() {
        return settings.storedPublicUrl().or(() -> Optional.ofNullable(web.publicUrl()));
    }
}

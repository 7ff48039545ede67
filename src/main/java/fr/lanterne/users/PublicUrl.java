package fr.lanterne.users;

import java.net.URI;
import java.util.Optional;

/**
 * The address at which people reach Lanterne, as its administrators set it (without a trailing slash), for the
 * links that leave the browser: calendar feeds, password links, the nightly digest, the command line. The web layer
 * provides it from {@code lanterne.web.public-url}; {@link PublicAddress} falls back on the address seen in use.
 */
public interface PublicUrl {

    Optional<URI> configured();
}

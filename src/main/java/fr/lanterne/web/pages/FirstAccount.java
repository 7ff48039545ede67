package fr.lanterne.web.pages;

import fr.lanterne.users.Users;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The very first account. While there is none, each start of the server prints a secret address where the person
 * who started it creates the first administrator: whoever merely reaches the server cannot claim it.
 */
@Component
class FirstAccount {

    private static final Logger log = LoggerFactory.getLogger(FirstAccount.class);

    private final Users users;
    private final String token;

    FirstAccount(Users users) {
        this.users = users;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!users.anyAccount()) {
            log.warn("""

                    ================================================================================
                    Aucun compte n'existe encore. Créez le premier compte (administrateur) ici :
                      http://localhost:{}/installation?jeton={}
                    (ou en ligne de commande : java -jar target/lanterne.jar users add NOM --role ADMIN)
                    ================================================================================""",
                    event.getWebServer().getPort(), token);
        }
    }

    /** Whether the first account may be created now, with this token. */
    boolean open(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))
                && !users.anyAccount();
    }

    /** For tests, which read no logs. */
    String token() {
        return token;
    }
}

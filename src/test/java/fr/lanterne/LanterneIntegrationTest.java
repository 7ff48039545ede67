package fr.lanterne;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on the real embedded MariaDB of {@code target/it-data}. Every
 * integration test uses the same settings so that they share one application context (and one database server).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lanterne.data-dir=" + LanterneIntegrationTest.DATA_DIR,
                "lanterne.database.binaries-dir=target/mariadb-binaries",
                // Tests drive sending and the nightly job themselves.
                "lanterne.scheduling.enabled=false",
                // The town pages and the registry open to visitors, as a campaign publishing its findings runs it.
                "lanterne.web.public-mode=true",
                // GreenMail's test SMTP port; test classes that read mail start GreenMail there.
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=${lanterne.it.smtp-port:3025}",
                // Only the defaults of the identity form: TestIdentity stores the identity the tests sign with.
                "lanterne.requests.mailbox=demandes@lanterne.test",
                "lanterne.requests.requester.name=Camille Martin",
                "lanterne.requests.requester.place=Nice",
                "lanterne.requests.emails-per-minute=6000",
                // GreenMail's test IMAP port; test classes that read the mailbox start GreenMail there.
                "lanterne.mailbox.host=127.0.0.1",
                "lanterne.mailbox.port=${lanterne.it.imap-port:3143}",
                "lanterne.mailbox.protocol=imap",
                "lanterne.mailbox.username=demandes@lanterne.test",
                "lanterne.mailbox.password=secret",
                // Sign-in suspensions short enough for a test to wait one out (LoginThrottlingIT).
                "lanterne.login.lock-duration=3s",
                "lanterne.login.failure-delay=20ms",
                // As behind a reverse proxy: X-Forwarded-Proto and X-Forwarded-For from 127.0.0.1 are believed, so
                // that tests can sign in "over HTTPS" or "from another address" (SecurityHeadersIT, LoginThrottlingIT).
                "server.forward-headers-strategy=native",
                // No outside tile server: /carte must draw from the server alone (MapBrowserIT checks every request).
                "lanterne.map.tile-url="})
@AutoConfigureRestTestClient
@Import(TestIdentity.AtStart.class)
public @interface LanterneIntegrationTest {

    /** Under target/ so that {@code mvn clean} starts afresh. */
    String DATA_DIR = "target/it-data";

    /**
     * GreenMail's ServerSetupTest.SMTP, or {@code -Dlanterne.it.smtp-port=N} so that two checkouts can run their
     * integration tests at the same time.
     */
    int SMTP_PORT = Integer.getInteger("lanterne.it.smtp-port", 3025);

    /** GreenMail's ServerSetupTest.IMAP, or {@code -Dlanterne.it.imap-port=N}. */
    int IMAP_PORT = Integer.getInteger("lanterne.it.imap-port", 3143);
}

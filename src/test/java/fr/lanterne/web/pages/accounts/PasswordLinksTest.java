package fr.lanterne.web.pages.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.requests.RequestsProperties;
import fr.lanterne.users.PasswordResets;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Without an SMTP server, a password link is written to the outbox like request emails, and shown to pass on. */
class PasswordLinksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:15:00Z"), ZoneId.of("Europe/Paris"));
    private static final String LINK = "https://lanterne.example.org/mot-de-passe/abc";
    private static final PasswordResets.Issued ISSUED = new PasswordResets.Issued("camille", "abc",
            CLOCK.instant().plus(PasswordResets.VALIDITY));

    @TempDir
    Path data;

    private PasswordLinks links() {
        return new PasswordLinks(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new DataDirectory(data), new RequestsProperties(null, Duration.ofDays(180), 30, 6), null,
                () -> Optional.of("demandes@lanterne.test"), CLOCK);
    }

    @Test
    void with_no_smtp_server_the_email_goes_to_the_outbox_and_the_link_is_shown() throws Exception {
        User camille = new User("camille", Role.VOLUNTEER, null, "camille@example.org", true, CLOCK.instant(), null);

        PasswordLinks.Delivery delivery = links().deliver(camille, ISSUED, LINK,
                "https://lanterne.example.org/login", true);

        assertThat(delivery.outcome()).isEqualTo(PasswordLinks.Outcome.OUTBOX);
        assertThat(delivery.shownLink()).isEqualTo(LINK);
        assertThat(delivery.detail()).isEqualTo("outbox/comptes/camille-20261202-111500.eml");
        try (InputStream in = Files.newInputStream(data.resolve(delivery.detail()))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("camille@example.org");
            assertThat(message.getSubject()).isEqualTo("Lanterne : votre compte « camille »");
            assertThat((String) message.getContent()).contains("  " + LINK)
                    .contains("expire le 4 décembre 2026 à 11h15").contains("bénévole")
                    .contains("https://lanterne.example.org/login");
        }
        assertThat(data.resolve("outbox/comptes")).isDirectoryNotContaining("glob:**.partial");
        assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve(delivery.detail())))
                .as("a live password link, for Lanterne's account only")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void without_an_email_address_nothing_is_written_and_the_link_is_shown() {
        User dominique = new User("dominique", Role.RESEARCHER, null, null, true, CLOCK.instant(), null);

        PasswordLinks.Delivery delivery = links().deliver(dominique, ISSUED, LINK, "https://x/login", false);

        assertThat(delivery.outcome()).isEqualTo(PasswordLinks.Outcome.NO_EMAIL);
        assertThat(delivery.shownLink()).isEqualTo(LINK);
        assertThat(data.resolve("outbox")).doesNotExist();
    }
}

package fr.lanterne.deadlines;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.requests.RequestsProperties;
import fr.lanterne.settings.Settings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a volunteer's morning digest by email, or writes it to {@code outbox/digests/} when there is no SMTP server
 * or no email address for the volunteer.
 */
@Component
class DigestMailer {

    /** Where a digest went. */
    record Delivery(String status, String detail) {
    }

    private final ObjectProvider<JavaMailSender> smtp;
    private final DataDirectory dataDirectory;
    private final RequestsProperties requests;
    private final Settings settings;

    DigestMailer(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, RequestsProperties requests,
                 Settings settings) {
        this.smtp = smtp;
        this.dataDirectory = dataDirectory;
        this.requests = requests;
        this.settings = settings;
    }

    Delivery send(String owner, String recipient, LocalDate night, String subject, String body) {
        JavaMailSender sender = smtp.getIfAvailable();
        // Digests leave from the requests' mailbox: without an identity there is no address to send them from.
        String from = settings.requesterIdentity().map(identity -> requests.sender(identity.mailbox()))
                .orElse(requests.from());
        if (sender == null || recipient == null || from == null || from.isBlank()) {
            Path file = dataDirectory.folder("outbox").resolve("digests").resolve(night + "-" + safe(owner) + ".txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, subject + "\n\n" + body, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Delivery("OUTBOX", (recipient == null ? "pas d'adresse électronique pour " + owner
                    : sender == null ? "aucun serveur SMTP configuré"
                    : "pas d’adresse d’expédition tant que l’identité du demandeur n’est pas complète")
                    + " : " + dataDirectory.root().relativize(file));
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, "Lanterne", StandardCharsets.UTF_8.name()));
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body, false);
            message.setHeader("X-Lanterne-Digest", owner + "/" + night);
            sender.send(message);
            return new Delivery("SENT", recipient);
        } catch (MailException | MessagingException | IOException e) {
            return new Delivery("FAILED", e.getMessage());
        }
    }

    private static String safe(String owner) {
        return owner.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

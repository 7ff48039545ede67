package fr.lanterne.deadlines;

import fr.lanterne.DataDirectory;
import fr.lanterne.requests.RequestsProperties;
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

    DigestMailer(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, RequestsProperties requests) {
        this.smtp = smtp;
        this.dataDirectory = dataDirectory;
        this.requests = requests;
    }

    Delivery send(String owner, String recipient, LocalDate night, String subject, String body) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null || recipient == null) {
            Path file = dataDirectory.folder("outbox").resolve("digests").resolve(night + "-" + safe(owner) + ".txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, subject + "\n\n" + body, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Delivery("OUTBOX", (recipient == null ? "pas d'adresse électronique pour " + owner
                    : "aucun serveur SMTP configuré") + " : " + dataDirectory.root().relativize(file));
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(requests.sender(), "Lanterne", StandardCharsets.UTF_8.name()));
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

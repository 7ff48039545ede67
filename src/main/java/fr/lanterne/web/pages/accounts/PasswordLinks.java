package fr.lanterne.web.pages.accounts;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.requests.RequestsProperties;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.PasswordResets;
import fr.lanterne.users.PublicAddress;
import fr.lanterne.users.User;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a password link to its person, the way request emails go: through the SMTP server of {@code spring.mail.*},
 * or, with none configured, as an {@code .eml} file in the data directory's {@code outbox/comptes/}. When the link
 * could not be emailed, the administrator is shown it to pass on.
 */
@Component
class PasswordLinks {

    /** Where a link went; {@code shownLink} is the link to show the administrator, null when it was emailed. */
    record Delivery(Outcome outcome, String detail, String shownLink) {
    }

    enum Outcome { SENT, OUTBOX, NO_EMAIL, FAILED }

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRENCH);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObjectProvider<JavaMailSender> smtp;
    private final DataDirectory dataDirectory;
    private final RequestsProperties requests;
    private final PublicAddress publicAddress;
    /** The requester's mailbox, if the identity is complete: account emails go out from it as requests do. */
    private final Supplier<Optional<String>> mailbox;
    private final Clock clock;

    @Autowired
    PasswordLinks(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, RequestsProperties requests,
                  PublicAddress publicAddress, Settings settings, Clock clock) {
        this(smtp, dataDirectory, requests, publicAddress,
                () -> settings.requesterIdentity().map(RequesterIdentity::mailbox), clock);
    }

    PasswordLinks(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, RequestsProperties requests,
                  PublicAddress publicAddress, Supplier<Optional<String>> mailbox, Clock clock) {
        this.smtp = smtp;
        this.mailbox = mailbox;
        this.dataDirectory = dataDirectory;
        this.requests = requests;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /** The full address of a link: on the public address, or else on the one this request came to. */
    String link(String path) {
        return publicAddress.link(path)
                .orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
    }

    Delivery send(User user, PasswordResets.Issued issued, boolean newAccount) {
        return deliver(user, issued, link("/mot-de-passe/" + issued.token()), link("/login"), newAccount);
    }

    /** The email with its links written out: sent, written to the outbox, or not possible. */
    Delivery deliver(User user, PasswordResets.Issued issued, String link, String login, boolean newAccount) {
        if (user.email() == null) {
            return new Delivery(Outcome.NO_EMAIL, null, link);
        }
        MimeMessage message;
        JavaMailSender sender = smtp.getIfAvailable();
        Optional<String> from = from();
        if (sender != null && from.isEmpty()) {
            return new Delivery(Outcome.FAILED, "aucune adresse d’expéditeur : l’identité du demandeur (sa boîte "
                    + "aux lettres) n’est pas encore complète", link);
        }
        try {
            message = sender == null ? new MimeMessage(Session.getInstance(new Properties()))
                    : sender.createMimeMessage();
            compose(message, from, user, issued, link, login, newAccount);
        } catch (MessagingException | IOException e) {
            return new Delivery(Outcome.FAILED, e.getMessage(), link);
        }
        if (sender == null) {
            return writeToOutbox(user, message, link);
        }
        try {
            sender.send(message);
            return new Delivery(Outcome.SENT, user.email(), null);
        } catch (MailException e) {
            return new Delivery(Outcome.FAILED, e.getMessage(), link);
        }
    }

    /** The From of request emails: {@code lanterne.requests.from}, else the requester's mailbox. */
    private Optional<String> from() {
        return mailbox.get().map(requests::sender)
                .or(() -> Optional.ofNullable(requests.from()).filter(address -> !address.isBlank()));
    }

    private void compose(MimeMessage message, Optional<String> from, User user, PasswordResets.Issued issued, String link, String login,
                         boolean newAccount) throws MessagingException, IOException {
        ZoneId zone = clock.getZone();
        String body = (newAccount
                ? "Bonjour,\n\nUn compte Lanterne a été créé pour vous : « " + user.username() + " » ("
                + user.role().label() + ").\n\nPour choisir votre mot de passe, ouvrez ce lien :\n"
                : "Bonjour,\n\nPour choisir un nouveau mot de passe pour votre compte Lanterne « " + user.username()
                + " », ouvrez ce lien :\n")
                + "  " + link + "\n\n"
                + "Il ne sert qu’une fois et expire le " + EXPIRY.format(issued.expiresAt().atZone(zone)) + ".\n"
                + "Connectez-vous ensuite ici : " + login + "\n\n"
                + "Si vous n’attendiez pas ce message, ignorez-le : rien ne change tant que le lien n’a pas servi.\n";
        if (from.isPresent()) {
            message.setFrom(new InternetAddress(from.get(), "Lanterne", StandardCharsets.UTF_8.name()));
        }
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(user.email(), true));
        message.setSubject(newAccount ? "Lanterne : votre compte « " + user.username() + " »"
                : "Lanterne : choisir un nouveau mot de passe", StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setHeader("X-Lanterne-Account", user.username());
        message.saveChanges();
    }

    private Delivery writeToOutbox(User user, MimeMessage message, String link) {
        Path folder = dataDirectory.folder("outbox").resolve("comptes");
        String name = user.username() + "-" + FILE_STAMP.format(clock.instant().atZone(clock.getZone())) + ".eml";
        Path file = folder.resolve(name);
        Path partial = folder.resolve(name + ".partial");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(partial);
            // The email holds a live password link: for the account running Lanterne only.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            return new Delivery(Outcome.FAILED, "impossible d’écrire " + file + " : " + e.getMessage(), link);
        }
        return new Delivery(Outcome.OUTBOX, dataDirectory.root().relativize(file).toString(), link);
    }
}

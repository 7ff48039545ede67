package fr.lanterne.requests;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.letters.LetterEmail;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.Settings;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one request's email to the SMTP server configured with {@code spring.mail.*}, or, with none configured,
 * writes it as an {@code .eml} file in the data directory's {@code outbox/} for a person to send.
 *
 * <p>The email carries the letter as its body and the signed PDF as an attachment; its Reply-To carries the
 * reference (plus-addressing) so that replies find their request; its Message-ID is derived from the reference and
 * the attempt number.
 *
 * <p>Nothing leaves without the requester identity, nor with the placeholders of an unset one: an address at the
 * reserved domain {@code .invalid}, or the name "Collectif Lanterne", anywhere in the headers or the text.
 */
@Component
class RequestMailer {

    /** What became of one attempt. */
    sealed interface Outcome {
        record Sent(String messageId) implements Outcome {
        }

        record WrittenToOutbox(String file) implements Outcome {
        }

        /** Worth trying again later: server unreachable, busy, 4xx. */
        record TemporaryFailure(String reason) implements Outcome {
        }

        /** Trying again changes nothing: the address was refused (5xx). */
        record PermanentFailure(String reason) implements Outcome {
        }
    }

    /** What an unset identity used to put in letters: no email may carry it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\.invalid\\b|collectif lanterne");

    private final ObjectProvider<JavaMailSender> smtp;
    private final DataDirectory dataDirectory;
    private final RequestsProperties properties;
    private final LetterWriter letters;
    private final Settings settings;
    private final Clock clock;

    RequestMailer(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, RequestsProperties properties,
                  LetterWriter letters, Settings settings, Clock clock) {
        this.smtp = smtp;
        this.dataDirectory = dataDirectory;
        this.properties = properties;
        this.letters = letters;
        this.settings = settings;
        this.clock = clock;
    }

    boolean smtpConfigured() {
        return smtp.getIfAvailable() != null;
    }

    Outcome send(RequestReference reference, int attempt, String recipient, String letterFile) {
        Optional<RequesterIdentity> identity = settings.requesterIdentity();
        if (identity.isEmpty()) {
            // Cleared between the dispatcher's check and now: the request waits for it.
            return new Outcome.TemporaryFailure("l’identité du demandeur n’est pas complète (Réglages › Identité du "
                    + "demandeur)");
        }
        JavaMailSender sender = smtp.getIfAvailable();
        MimeMessage message;
        try {
            Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                    : Session.getInstance(new Properties());
            message = message(session, identity.get(), reference, attempt, recipient, letterFile);
        } catch (MessagingException | IOException e) {
            return new Outcome.PermanentFailure("courriel impossible à composer : " + e.getMessage());
        }
        Optional<String> placeholder = placeholder(message);
        if (placeholder.isPresent()) {
            return new Outcome.PermanentFailure("le courriel porte « " + placeholder.get() + " », reste d’une identité "
                    + "du demandeur qui n’était pas complète quand la lettre a été écrite : il ne part pas. Retirez "
                    + "cette demande (requests withdraw) et créez-la de nouveau, l’identité complétée.");
        }
        if (sender == null) {
            return writeToOutbox(reference, message);
        }
        try {
            sender.send(message);
            return new Outcome.Sent(messageId(identity.get(), reference, attempt));
        } catch (MailAuthenticationException e) {
            return new Outcome.TemporaryFailure("le serveur SMTP refuse l'identifiant ou le mot de passe : "
                    + e.getMessage());
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return new Outcome.TemporaryFailure(e.getMessage());
        }
    }

    /** A refused recipient is permanent; everything else (connection, 4xx) is worth another try. */
    private static Outcome classify(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException sendFailed) {
                    Address[] invalid = sendFailed.getInvalidAddresses();
                    if (invalid != null && invalid.length > 0) {
                        return new Outcome.PermanentFailure("adresse refusée par le serveur : " + invalid[0]
                                + " (" + sendFailed.getMessage() + ")");
                    }
                }
                String message = String.valueOf(cause.getMessage());
                if (message.matches("(?s)^5\\d\\d\\b.*")) {
                    return new Outcome.PermanentFailure(message.strip());
                }
            }
        }
        return new Outcome.TemporaryFailure(e.getMessage());
    }

    /** The first placeholder of an unset identity found in the message's addresses, subject or text. */
    static Optional<String> placeholder(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder(4096);
            for (String header : new String[] {"From", "Reply-To", "Sender", "Subject", "Message-ID"}) {
                String[] values = message.getHeader(header);
                if (values != null) {
                    for (String value : values) {
                        text.append(jakarta.mail.internet.MimeUtility.decodeText(value)).append('\n');
                    }
                }
            }
            appendText(message.getContent(), text);
            java.util.regex.Matcher found = PLACEHOLDER.matcher(text);
            return found.find() ? Optional.of(found.group()) : Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.of("un courriel illisible (" + e.getMessage() + ")");
        }
    }

    private static void appendText(Object content, StringBuilder text) throws MessagingException, IOException {
        if (content instanceof String string) {
            text.append(string).append('\n');
        } else if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/*")) {
                    appendText(multipart.getBodyPart(i).getContent(), text);
                }
            }
        }
    }

    private MimeMessage message(Session session, RequesterIdentity identity, RequestReference reference, int attempt,
                                String recipient, String letterFile) throws MessagingException, IOException {
        LetterEmail email = letters.email(letterFile);
        String messageId = messageId(identity, reference, attempt);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(address(properties.sender(identity.mailbox()), identity.displayName()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(recipient, true));
        message.setReplyTo(new Address[] {address(identity.replyAddress(reference.value()), identity.displayName())});
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("X-Lanterne-Reference", reference.value());

        MimeBodyPart body = new MimeBodyPart();
        body.setText(email.body(), StandardCharsets.UTF_8.name());
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(Files.readAllBytes(letters.pdf(letterFile)),
                "application/pdf")));
        pdf.setFileName(reference.value() + ".pdf");
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(body);
        parts.addBodyPart(pdf);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private Outcome writeToOutbox(RequestReference reference, MimeMessage message) {
        Path outbox = dataDirectory.folder("outbox");
        Path file = outbox.resolve(reference.value() + ".eml");
        Path partial = outbox.resolve(reference.value() + ".eml.partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            return new Outcome.TemporaryFailure("impossible d'écrire " + file + " : " + e.getMessage());
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return new Outcome.TemporaryFailure("impossible d'écrire " + file + " : " + e.getMessage());
        }
        return new Outcome.WrittenToOutbox(dataDirectory.root().relativize(file).toString());
    }

    private static String messageId(RequesterIdentity identity, RequestReference reference, int attempt) {
        String domain = identity.mailbox().substring(identity.mailbox().lastIndexOf('@') + 1);
        return "<" + reference.value() + "." + attempt + "@" + domain + ">";
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            return new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }
}

package fr.lanterne.ingest;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the replies mailbox: each unread message is taken in as an email (its attachments become documents, filed
 * against the request whose reference its Reply-To, subject or body carries), then marked read. A message taken in
 * twice adds nothing (its Message-ID is its source). A delivery failure notice (bounce) about one of Lanterne's
 * emails marks that request's email as not delivered.
 */
@Component
class MailboxReader {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^(?:Diagnostic-Code|Status):\\s*(.+)$");

    private final MailboxProperties properties;
    private final Documents documents;
    private final Requests requests;

    MailboxReader(MailboxProperties properties, Documents documents, Requests requests) {
        this.properties = properties;
        this.documents = documents;
        this.requests = requests;
    }

    /** @return the reports of the messages taken in */
    public List<Report> poll() {
        if (!properties.configured()) {
            throw new InvalidInputException("Aucune boîte aux lettres n'est configurée (lanterne.mailbox.host).");
        }
        List<Report> reports = new ArrayList<>();
        Properties settings = new Properties();
        settings.put("mail." + properties.protocol() + ".connectiontimeout", "20000");
        settings.put("mail." + properties.protocol() + ".timeout", "60000");
        Session session = Session.getInstance(settings);
        try (Store store = session.getStore(properties.protocol())) {
            store.connect(properties.host(), properties.port(), properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    reports.add(take((MimeMessage) message));
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox " + properties.username() + "@" + properties.host()
                    + ": " + e.getMessage(), e);
        }
        return reports;
    }

    private Report take(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        String id = message.getMessageID() != null ? message.getMessageID()
                : "sans-identifiant-" + message.getMessageNumber() + "-" + message.getReceivedDate();
        String subject = message.getSubject() == null ? "courriel" : message.getSubject();
        if (isBounce(message)) {
            recordBounce(bytes.toString(StandardCharsets.UTF_8));
        }
        return documents.ingest(subject.replaceAll("[\\\\/:*?\"<>|]", "_") + ".eml", bytes.toByteArray(),
                new DocumentRecords.Source(DocumentRecords.Channel.MAILBOX, "imap:" + id, null, "boîte aux lettres"));
    }

    /** A delivery status notification (RFC 3464) says the email did not arrive. */
    private static boolean isBounce(MimeMessage message) throws MessagingException {
        String type = message.getContentType();
        return type != null && type.toLowerCase().contains("multipart/report")
                && type.toLowerCase().contains("delivery-status");
    }

    private void recordBounce(String raw) {
        Optional<String> reference = new ReferenceFinder().find(raw, ReferenceMatch.Where.BODY).stream()
                .map(ReferenceMatch::reference).findFirst();
        if (reference.isEmpty()) {
            return;
        }
        Matcher diagnostic = DIAGNOSTIC.matcher(raw);
        String reason = diagnostic.find() ? diagnostic.group(1).strip() : "courriel non distribué";
        RequestReference ref = RequestReference.parse(reference.get());
        requests.find(ref).filter(r -> r.status() == RequestStatus.SENT).ifPresent(r -> {
            requests.recordDeliveryFailure(ref, "avis de non-distribution reçu : " + reason);
            log.warn("Request {} bounced: {}", ref, reason);
        });
    }
}

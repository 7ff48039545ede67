package fr.lanterne.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A received email, read from its {@code .eml} form.
 *
 * @param from        the sender's address (as written, with the display name)
 * @param replyTo     the Reply-To addresses (bare addresses), empty when there is none
 * @param to          the To and Cc addresses (bare addresses)
 * @param subject     the decoded subject, or empty
 * @param sentAt      the Date header, or null when missing or unreadable
 * @param messageId   the Message-ID header, or null
 * @param textBody    the plain-text body, or null when the message has none
 * @param htmlBody    the HTML body, or null; used when there is no plain-text body
 * @param attachments the attached files, in order, including attached emails (as {@code .eml} files)
 */
record EmailMessage(String from, List<String> replyTo, List<String> to, String subject, Instant sentAt,
        String messageId, String textBody, String htmlBody, List<Attachment> attachments) {

    public EmailMessage {
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        subject = subject == null ? "" : subject;
        attachments = List.copyOf(attachments);
    }

    public Optional<Instant> sent() {
        return Optional.ofNullable(sentAt);
    }

    public boolean hasBody() {
        return (textBody != null && !textBody.isBlank()) || (htmlBody != null && !htmlBody.isBlank());
    }
}

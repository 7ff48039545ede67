package fr.lanterne.ingest;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads {@code .eml} files (RFC 822 / MIME) with Jakarta Mail: headers, body and attachments. Lenient about what
 * town-hall mail software sends (undeclared charsets, RFC 2231 file names, bad addresses), strict about limits.
 */
final class EmailReader {

    /** Thrown when the bytes are not an email at all, or break a limit while being read. */
    public static final class UnreadableEmailException extends Exception {
        private static final long serialVersionUID = 1L;
        private final QuarantineReason reason;

        UnreadableEmailException(QuarantineReason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public QuarantineReason reason() {
            return reason;
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Session session;
    private final IngestSettings settings;

    public EmailReader(IngestSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(properties);
    }

    public EmailMessage read(byte[] eml) throws UnreadableEmailException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(eml));
            Collector collector = new Collector();
            collector.walk(message);
            return new EmailMessage(
                    first(message.getFrom()),
                    bare(message.getReplyTo() == null || message.getHeader("Reply-To") == null ? null
                            : message.getReplyTo()),
                    bare(concat(recipients(message, Message.RecipientType.TO),
                            recipients(message, Message.RecipientType.CC))),
                    decode(message.getSubject()),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    message.getMessageID(),
                    collector.text,
                    collector.html,
                    collector.attachments);
        } catch (MessagingException | IOException e) {
            throw new UnreadableEmailException(QuarantineReason.CORRUPT,
                    "Le courriel n'a pas pu être lu : " + e.getMessage() + ".", e);
        }
    }

    private final class Collector {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        long attachedBytes;

        void walk(Part part) throws MessagingException, IOException, UnreadableEmailException {
            String type = baseType(part);
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
                return;
            }
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
            if (!attachment && type.equals("text/plain") && text == null) {
                text = decodeText(part);
            } else if (!attachment && type.equals("text/html") && html == null) {
                html = decodeText(part);
            } else {
                attach(part, type, fileName);
            }
        }

        private void attach(Part part, String type, String fileName) throws MessagingException, IOException,
                UnreadableEmailException {
            if (attachments.size() >= settings.maxAttachments()) {
                throw new UnreadableEmailException(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                        "Le courriel a plus de %d pièces jointes (limite : %d).", settings.maxAttachments(),
                        settings.maxAttachments()), null);
            }
            byte[] content;
            if (part.isMimeType("message/rfc822")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ((Part) part.getContent()).writeTo(out);
                content = out.toByteArray();
            } else {
                try (InputStream in = part.getInputStream()) {
                    content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxExpandedBytes() + 1));
                }
            }
            attachedBytes += content.length;
            if (attachedBytes > settings.maxExpandedBytes()) {
                throw new UnreadableEmailException(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                        "Les pièces jointes du courriel dépassent %s (limite).",
                        Sizes.human(settings.maxExpandedBytes())), null);
            }
            String name = fileName != null ? fileName
                    : "piece-jointe-" + (attachments.size() + 1) + extensionFor(type);
            attachments.add(new Attachment(name, type, content));
        }
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "message/rfc822" -> ".eml";
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> "";
        };
    }

    /** The part's text in its declared charset; without one, UTF-8 if the bytes are valid UTF-8, else windows-1252. */
    private static String decodeText(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = charset(part);
        if (declared != null) {
            try {
                return new String(bytes, Charset.forName(MimeUtility.javaCharset(declared)));
            } catch (IllegalArgumentException unknownCharset) {
                // fall through to guessing
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static String charset(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException | NullPointerException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        name = decode(name).replace('\\', '/');
        // Keep the last path segment: some mailers send "C:\Users\...\annexe.pdf".
        String last = name.substring(name.lastIndexOf('/') + 1).strip();
        return last.isEmpty() ? null : last;
    }

    private static String decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }

    private static Address[] recipients(MimeMessage message, Message.RecipientType type) {
        try {
            return message.getRecipients(type);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Address[] concat(Address[] a, Address[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Address[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null : decode(addresses[0].toString());
    }

    private static List<String> bare(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<String> bare = new ArrayList<>();
        for (Address address : addresses) {
            bare.add(address instanceof InternetAddress internet && internet.getAddress() != null
                    ? internet.getAddress() : address.toString());
        }
        return bare;
    }
}

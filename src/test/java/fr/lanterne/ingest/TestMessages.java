package fr.lanterne.ingest;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Emails and zip archives for tests, written with Jakarta Mail and java.util.zip. */
final class TestMessages {

    static final Date SENT = Date.from(java.time.Instant.parse("2026-03-20T09:15:00Z"));

    private TestMessages() {
    }

    record File(String name, String contentType, byte[] content) {
    }

    static byte[] email(String subject, String replyTo, String to, String body, File... attachments) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("prada@mairie-saint-exemple.fr", "Mairie de Saint-Exemple", "UTF-8"));
            if (replyTo != null) {
                message.setReplyTo(InternetAddress.parse(replyTo));
            }
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(SENT);
            if (attachments.length == 0) {
                if (body != null) {
                    message.setText(body, "UTF-8");
                } else {
                    message.setText("", "UTF-8");
                }
            } else {
                MimeMultipart multipart = new MimeMultipart();
                if (body != null) {
                    MimeBodyPart text = new MimeBodyPart();
                    text.setText(body, "UTF-8");
                    multipart.addBodyPart(text);
                }
                for (File file : attachments) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                    part.setFileName(file.name());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    multipart.addBodyPart(part);
                }
                message.setContent(multipart);
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<20260320091500.1234@mairie-saint-exemple.fr>");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(File... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (File file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One entry of {@code size} zero bytes, written through the deflater a block at a time, never held in memory. */
    static byte[] zipBomb(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("factures-2025.pdf"));
            writeZeros(zip, size);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long written = 0; written < size; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, size - written));
        }
    }
}

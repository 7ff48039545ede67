package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The mailer's last check: the placeholders of an unset identity never leave in an email. */
class RequestMailerTest {

    @Test
    void an_email_from_or_to_a_dot_invalid_address_or_signed_by_the_placeholder_is_caught() throws Exception {
        assertThat(RequestMailer.placeholder(message("demandes@collectif.test", "demandes+LNT@collectif.test",
                "Camille Martin\n12 rue X\n06300 Nice"))).isEmpty();
        assertThat(RequestMailer.placeholder(message("demandes@lanterne.invalid", "demandes+LNT@collectif.test",
                "Camille Martin"))).hasValue(".invalid");
        assertThat(RequestMailer.placeholder(message("demandes@collectif.test", "demandes+LNT@lanterne.INVALID",
                "Camille Martin"))).hasValue(".INVALID");
        assertThat(RequestMailer.placeholder(message("demandes@collectif.test", "demandes+LNT@collectif.test",
                "Je vous prie…\n\nCollectif Lanterne\ndemandes@collectif.test"))).hasValue("Collectif Lanterne");
        assertThat(RequestMailer.placeholder(message("demandes@collectif.test", "demandes+LNT@collectif.test",
                "… à l'adresse demandes+LNT@lanterne.invalid, dans un standard ouvert…"))).hasValue(".invalid");
    }

    private static MimeMessage message(String from, String replyTo, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from, "Camille Martin", "UTF-8"));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
        message.setSubject("[LNT-2026-000001] Demande", "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(body);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }
}

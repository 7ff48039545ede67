package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmailReaderTest {

    private final EmailReader reader = new EmailReader(IngestSettings.defaults());

    @Test
    void reads_headers_body_and_attachments() throws Exception {
        byte[] eml = TestMessages.email("Réponse à votre demande", "Service juridique <juridique@mairie.fr>",
                "demandes+LNT-2026-000123@lanterne.example.org, copie@lanterne.example.org", "Bonjour,\nci-joint.",
                new TestMessages.File("Arrêté préfectoral n°2025-1187.pdf", "application/pdf", new byte[] {'%', 'P'}));

        EmailMessage email = reader.read(eml);

        assertThat(email.from()).contains("Mairie de Saint-Exemple", "prada@mairie-saint-exemple.fr");
        assertThat(email.replyTo()).containsExactly("juridique@mairie.fr");
        assertThat(email.to()).containsExactly("demandes+LNT-2026-000123@lanterne.example.org",
                "copie@lanterne.example.org");
        assertThat(email.subject()).isEqualTo("Réponse à votre demande");
        assertThat(email.sentAt()).isEqualTo(TestMessages.SENT.toInstant());
        assertThat(email.textBody()).contains("ci-joint.");
        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("Arrêté préfectoral n°2025-1187.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.content()).containsExactly('%', 'P');
        });
    }

    @Test
    void no_reply_to_header_means_no_reply_to() throws Exception {
        EmailMessage email = reader.read(TestMessages.email("Objet", null, "a@b.fr", "Texte"));

        assertThat(email.replyTo()).isEmpty();
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void a_body_without_declared_charset_is_guessed() throws Exception {
        String eml = "From: mairie@exemple.fr\r\nTo: demandes@lanterne.example.org\r\nSubject: refus\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "La communication du marché de vidéoprotection est refusée.\r\n";

        EmailMessage email = reader.read(eml.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(email.textBody()).contains("marché de vidéoprotection est refusée");
    }

    @Test
    void too_many_attachments_are_refused() {
        TestMessages.File[] files = new TestMessages.File[3];
        for (int i = 0; i < files.length; i++) {
            files[i] = new TestMessages.File("p" + i + ".txt", "text/plain", "x".getBytes());
        }
        IngestSettings two = new IngestSettings(1 << 20, 10, 1000, java.time.Duration.ofSeconds(5), false, "fra",
                java.time.Duration.ofSeconds(5), 1, 1 << 20, 1, 10, 1 << 20, 10, 2, 1);

        assertThatThrownBy(() -> new EmailReader(two).read(TestMessages.email("x", null, "a@b.fr", "y", files)))
                .isInstanceOfSatisfying(EmailReader.UnreadableEmailException.class,
                        e -> assertThat(e.reason()).isEqualTo(QuarantineReason.ARCHIVE_LIMITS));
    }
}

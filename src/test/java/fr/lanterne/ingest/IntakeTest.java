package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final OcrSupport NO_TESSERACT = OcrSupport.detect("/nonexistent/tesseract", "fra+eng");
    private static final String LANTERNE = "demandes+LNT-2026-000123@lanterne.example.org";

    private static Intake intake;
    private static byte[] cctp;

    @BeforeAll
    static void setUp() {
        intake = new Intake(new TextExtractor(IngestSettings.defaults(), NO_TESSERACT), new ReferenceFinder());
        cctp = TestDocuments.textPdf("CCTP vidéoprotection", List.of(
                List.of("Cahier des clauses techniques particulières (CCTP)", "Marché de vidéoprotection urbaine")));
    }

    private static TestMessages.File pdf(String name, byte[] content) {
        return new TestMessages.File(name, "application/pdf", content);
    }

    @Test
    void an_email_without_attachment_is_a_document_of_its_own() {
        byte[] eml = TestMessages.email("Re: Demande d'accès aux documents administratifs", null, LANTERNE,
                "Madame, Monsieur,\n\nLes documents demandés ne peuvent être communiqués en application de "
                        + "l'article L311-5 du CRPA.\n\nLe Maire");

        Received received = intake.receive("reponse.eml", eml);

        assertThat(received.items()).singleElement().satisfies(item -> {
            assertThat(item.type().mediaType()).isEqualTo("message/rfc822");
            Extraction body = item.extraction().orElseThrow();
            assertThat(body.text()).contains("ne peuvent être communiqués", "L311-5");
            assertThat(body.metadata().title()).isEqualTo("Re: Demande d'accès aux documents administratifs");
            assertThat(body.metadata().author()).contains("prada@mairie-saint-exemple.fr");
            assertThat(body.metadata().created()).isEqualTo(TestMessages.SENT.toInstant());
            assertThat(body.notices()).singleElement().asString().contains("sans pièce jointe");
            assertThat(item.emailMessage()).hasValueSatisfying(
                    email -> assertThat(email.messageId()).isEqualTo("<20260320091500.1234@mairie-saint-exemple.fr>"));
        });
        assertThat(received.reference()).contains("LNT-2026-000123");
        assertThat(received.references()).first().extracting(ReferenceMatch::foundIn)
                .isEqualTo(ReferenceMatch.Where.REPLY_ADDRESS);
    }

    @Test
    void reading_a_stored_email_again_reads_its_body_alone_and_a_stored_file_as_it_is() {
        byte[] eml = TestMessages.email("Re: votre demande", null, LANTERNE, "Veuillez trouver le CCTP ci-joint.",
                pdf("cctp.pdf", cctp));

        Outcome email = intake.read("reponse.eml", eml);
        Outcome file = intake.read("cctp.pdf", cctp);

        assertThat(email).isInstanceOfSatisfying(Outcome.Extracted.class, extracted -> {
            assertThat(extracted.extraction().text()).isEqualTo("Veuillez trouver le CCTP ci-joint.");
            assertThat(extracted.extraction().metadata().title()).isEqualTo("Re: votre demande");
        });
        assertThat(file).isInstanceOfSatisfying(Outcome.Extracted.class,
                extracted -> assertThat(extracted.extraction().text()).contains("Marché de vidéoprotection urbaine"));
        assertThat(intake.read("vide.pdf", new byte[0])).isInstanceOfSatisfying(Outcome.Quarantined.class,
                quarantined -> assertThat(quarantined.reason()).isEqualTo(QuarantineReason.EMPTY));
        assertThat(intake.withoutOcr()).hasValueSatisfying(why -> assertThat(why).contains("Tesseract"));
    }

    @Test
    void an_html_only_email_gives_its_text() throws Exception {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()));
        message.setFrom("prada@mairie-saint-exemple.fr");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, LANTERNE);
        message.setSubject("Réponse", "UTF-8");
        message.setContent("<html><body><p>La commune <b>n'utilise pas</b> de drones.</p></body></html>",
                "text/html; charset=UTF-8");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);

        Received received = intake.receive("reponse.eml", out.toByteArray());

        assertThat(received.root().extraction().orElseThrow().text())
                .isEqualTo("La commune n'utilise pas de drones.");
    }

    @Test
    void an_email_with_neither_text_nor_attachment_is_quarantined() {
        byte[] eml = TestMessages.email("", null, LANTERNE, null);

        Received received = intake.receive("vide.eml", eml);

        assertThat(received.root().outcome()).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.reason()).isEqualTo(QuarantineReason.EMPTY_EMAIL));
    }

    @Test
    void attachments_and_archives_inside_an_email_are_each_accounted_for() {
        byte[] zip = TestMessages.zip(pdf("marche/cctp.pdf", cctp),
                new TestMessages.File("marche/vide.txt", "text/plain", new byte[0]));
        byte[] eml = TestMessages.email("Votre demande LNT-2026-000456", null, "demandes@lanterne.example.org",
                "Veuillez trouver ci-joint les pièces du marché.",
                pdf("Délibération 2026-042.pdf", cctp),
                new TestMessages.File("annexes.zip", "application/zip", zip),
                pdf("protégé.pdf", TestDocuments.encrypted(cctp, "secret")));

        Received received = intake.receive("reponse.eml", eml);

        assertThat(received.items()).extracting(IntakeItem::path).containsExactly(
                "reponse.eml",
                "reponse.eml/Délibération 2026-042.pdf",
                "reponse.eml/annexes.zip",
                "reponse.eml/annexes.zip/marche/cctp.pdf",
                "reponse.eml/annexes.zip/marche/vide.txt",
                "reponse.eml/protégé.pdf");
        assertThat(received.items()).extracting(IntakeItem::depth).containsExactly(0, 1, 1, 2, 2, 1);
        assertThat(received.extracted()).hasSize(3);
        assertThat(received.unpacked()).singleElement().extracting(IntakeItem::fileName).isEqualTo("annexes.zip");
        assertThat(received.quarantined()).extracting(i -> ((Outcome.Quarantined) i.outcome()).reason())
                .containsExactly(QuarantineReason.EMPTY, QuarantineReason.ENCRYPTED);
        assertThat(received.extracted().size() + received.unpacked().size() + received.quarantined().size())
                .isEqualTo(received.items().size());
        assertThat(received.items().get(3).parentId()).isEqualTo(3);
        assertThat(received.items().get(1).sha256()).isEqualTo(received.items().get(3).sha256()).hasSize(64);
        assertThat(received.reference()).contains("LNT-2026-000456");
    }

    @Test
    void a_zip_bomb_is_refused_without_expanding_it() {
        byte[] bomb = TestMessages.zipBomb(1L << 30);
        long before = usedHeap();

        Received received = intake.receive("factures.zip", bomb);

        assertThat(received.items()).singleElement().satisfies(item -> {
            Outcome.Quarantined q = (Outcome.Quarantined) item.outcome();
            assertThat(q.reason()).isEqualTo(QuarantineReason.ARCHIVE_LIMITS);
            assertThat(q.detail()).contains("bombe zip", "factures-2025.pdf");
            assertThat(item.content()).isSameAs(bomb);
        });
        assertThat(usedHeap() - before).isLessThan(512L << 20);
    }

    @Test
    void archives_nested_beyond_the_depth_limit_are_quarantined() {
        byte[] level3 = TestMessages.zip(pdf("cctp.pdf", cctp));
        byte[] level2 = TestMessages.zip(new TestMessages.File("niveau3.zip", "application/zip", level3));
        byte[] level1 = TestMessages.zip(new TestMessages.File("niveau2.zip", "application/zip", level2));
        Intake shallow = new Intake(new TextExtractor(IngestSettings.defaults().withArchiveLimits(1, 100, 1L << 30, 100),
                NO_TESSERACT), new ReferenceFinder());

        Received received = shallow.receive("niveau1.zip", level1);

        assertThat(received.items()).extracting(IntakeItem::path, IntakeItem::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple("niveau1.zip", 0),
                org.assertj.core.groups.Tuple.tuple("niveau1.zip/niveau2.zip", 1),
                org.assertj.core.groups.Tuple.tuple("niveau1.zip/niveau2.zip/niveau3.zip", 2));
        assertThat(received.items().get(2).outcome()).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.detail()).contains("imbriqué", "limite : 1"));
    }

    @Test
    void archives_with_too_many_files_are_refused() {
        TestMessages.File[] files = new TestMessages.File[12];
        for (int i = 0; i < files.length; i++) {
            files[i] = new TestMessages.File("note-" + i + ".txt", "text/plain", ("note " + i).getBytes());
        }
        Intake strict = new Intake(new TextExtractor(IngestSettings.defaults().withArchiveLimits(3, 10, 1L << 30, 100),
                NO_TESSERACT), new ReferenceFinder());

        Received received = strict.receive("notes.zip", TestMessages.zip(files));

        assertThat(((Outcome.Quarantined) received.root().outcome()).detail()).contains("plus de 10 fichiers");
    }

    @Test
    void a_password_protected_zip_is_quarantined_as_encrypted() {
        byte[] zip = TestMessages.zip(pdf("cctp.pdf", cctp));
        zip[6] |= 1; // the local header's "encrypted" flag, as a zip written with a password has it

        Received received = intake.receive("annexes.zip", zip);

        assertThat(((Outcome.Quarantined) received.root().outcome()).reason()).isEqualTo(QuarantineReason.ENCRYPTED);
    }

    @Test
    void a_damaged_zip_is_quarantined() {
        byte[] zip = TestMessages.zip(pdf("cctp.pdf", cctp), pdf("cctp2.pdf", cctp));
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length * 3 / 4);

        Received received = intake.receive("annexes.zip", cut);

        assertThat(received.root().outcome()).isInstanceOf(Outcome.Quarantined.class);
        assertThat(received.items()).hasSize(1);
    }

    @Test
    void a_plain_document_is_one_item_with_the_references_it_quotes() {
        byte[] letter = TestDocuments.textPdf("Réponse", List.of(List.of("Objet : votre demande LNT-2026-000789",
                "Veuillez trouver les documents demandés.")));

        Received received = intake.receive("courrier.pdf", letter);

        assertThat(received.root().extraction()).isPresent();
        assertThat(received.references()).containsExactly(
                new ReferenceMatch("LNT-2026-000789", ReferenceMatch.Where.DOCUMENT));
    }

    @Test
    void a_file_on_disk_over_the_limit_is_quarantined_without_reading_it_into_memory(@TempDir Path folder)
            throws Exception {
        Path big = Files.write(folder.resolve("scan.pdf"), new byte[4096]);
        Intake tiny = new Intake(new TextExtractor(new IngestSettings(1024, 10, 1000, Duration.ofSeconds(5), false,
                "fra", Duration.ofSeconds(5), 1, 1 << 20, 1, 1, 1 << 20, 10, 1, 1), NO_TESSERACT), new ReferenceFinder());

        Received received = tiny.receive(big);

        assertThat(received.root().content()).isNull();
        assertThat(received.root().sha256()).isEqualTo(Intake.sha256(new byte[4096]));
        assertThat(((Outcome.Quarantined) received.root().outcome()).reason()).isEqualTo(QuarantineReason.TOO_LARGE);
    }

    @Test
    void a_text_file_in_windows_1252_arrives_decoded() {
        byte[] text = "Refus : l’accès au CCTP ne peut être accordé – secret des affaires.\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        Received received = intake.receive("refus.txt", text);

        assertThat(received.root().extraction().orElseThrow().text()).contains("l’accès", "accordé – secret");
        assertThat(new String(text, StandardCharsets.ISO_8859_1)).isNotEmpty();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

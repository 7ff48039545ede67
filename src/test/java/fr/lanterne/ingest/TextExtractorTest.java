package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    private static final OcrSupport NO_TESSERACT = OcrSupport.detect("/nonexistent/tesseract", "fra+eng");
    private static final OcrSupport OCR = OcrSupport.detect("fra+eng");

    private static TextExtractor extractor;
    private static byte[] threeThousandPages;

    @BeforeAll
    static void setUp() {
        extractor = new TextExtractor(IngestSettings.defaults(), NO_TESSERACT);
        threeThousandPages = TestDocuments.longPdf(3_000);
    }

    private static byte[] deliberation() {
        return TestDocuments.textPdf("Délibération n° 2026-042", List.of(
                List.of("Délibération du conseil municipal du 12 mars 2026", "Objet : extension de la vidéoprotection"),
                List.of("Le conseil municipal, après en avoir délibéré,", "approuve l'installation de 12 caméras."),
                List.of("Fait à Saint-Exemple, le 12 mars 2026.")));
    }

    private static Extraction extracted(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Extracted.class);
        return ((Outcome.Extracted) outcome).extraction();
    }

    private static Outcome.Quarantined quarantined(Outcome outcome, QuarantineReason reason) {
        assertThat(outcome).isInstanceOf(Outcome.Quarantined.class);
        Outcome.Quarantined quarantined = (Outcome.Quarantined) outcome;
        assertThat(quarantined.reason()).as(quarantined.detail()).isEqualTo(reason);
        return quarantined;
    }

    @Test
    void reads_a_pdf_page_by_page_with_its_metadata() {
        Extraction extraction = extracted(extractor.extract("deliberation.pdf", deliberation()));

        assertThat(extraction.type().mediaType()).isEqualTo("application/pdf");
        assertThat(extraction.type().extensionLies()).isFalse();
        assertThat(extraction.pages()).extracting(Page::number).containsExactly(1, 2, 3);
        assertThat(extraction.pages().get(0).text()).contains("Objet : extension de la vidéoprotection");
        assertThat(extraction.pages().get(1).text()).contains("approuve l'installation de 12 caméras")
                .doesNotContain("Objet");
        assertThat(extraction.pages().get(2).text()).contains("Fait à Saint-Exemple");
        assertThat(extraction.metadata().title()).isEqualTo("Délibération n° 2026-042");
        assertThat(extraction.metadata().author()).isEqualTo("Mairie de Saint-Exemple");
        assertThat(extraction.metadata().producer()).isEqualTo("LibreOffice 7.4");
        assertThat(extraction.metadata().pageCount()).isEqualTo(3);
        assertThat(extraction.metadata().created()).isNotNull();
        assertThat(extraction.needsOcr()).isFalse();
        assertThat(extraction.notices()).isEmpty();
        assertThat(extraction.text()).contains("\f");
        assertThat(extraction.characters()).isGreaterThan(100);
    }

    @Test
    void a_blank_page_in_a_text_pdf_does_not_need_ocr() {
        byte[] pdf = TestDocuments.textPdf("Courrier", List.of(List.of("Madame, Monsieur,"), List.of()));

        Extraction extraction = extracted(extractor.extract("courrier.pdf", pdf));

        assertThat(extraction.pages()).hasSize(2);
        assertThat(extraction.pages().get(1).isBlank()).isTrue();
        assertThat(extraction.needsOcr()).isFalse();
    }

    @Test
    void an_empty_file_is_quarantined() {
        Outcome.Quarantined q = quarantined(extractor.extract("vide.pdf", new byte[0]), QuarantineReason.EMPTY);

        assertThat(q.message()).contains("« vide.pdf »", "0 octet", "renvoyer");
    }

    @Test
    void a_pdf_cut_in_half_is_quarantined_as_truncated() {
        byte[] pdf = deliberation();

        Outcome outcome = extractor.extract("coupe.pdf", Arrays.copyOf(pdf, pdf.length / 2));

        assertThat(quarantined(outcome, QuarantineReason.TRUNCATED).message()).contains("nouvelle copie");
    }

    @Test
    void a_pdf_missing_only_its_end_is_quarantined_with_the_pages_that_could_be_read() {
        byte[] pdf = deliberation();

        Outcome outcome = extractor.extract("fin-manquante.pdf", Arrays.copyOf(pdf, pdf.length * 9 / 10));

        Outcome.Quarantined q = quarantined(outcome, QuarantineReason.TRUNCATED);
        assertThat(q.detail()).contains("3 pages ont pu être lues");
        assertThat(q.partialExtraction()).hasValueSatisfying(
                partial -> assertThat(partial.pages().get(1).text()).contains("12 caméras"));
    }

    @Test
    void a_pdf_with_a_user_password_is_quarantined_as_encrypted() {
        byte[] pdf = TestDocuments.encrypted(deliberation(), "secret");

        Outcome.Quarantined q = quarantined(extractor.extract("protege.pdf", pdf), QuarantineReason.ENCRYPTED);

        assertThat(q.message()).contains("mot de passe");
    }

    @Test
    void a_pdf_with_only_an_owner_password_opens_and_is_read() {
        byte[] pdf = TestDocuments.encrypted(deliberation(), "");

        assertThat(extracted(extractor.extract("droits.pdf", pdf)).text()).contains("12 caméras");
    }

    @Test
    void a_pdf_with_thousands_of_pages_is_refused_before_reading_them() {
        long start = System.nanoTime();

        Outcome outcome = extractor.extract("annexes.pdf", threeThousandPages);

        Outcome.Quarantined q = quarantined(outcome, QuarantineReason.TOO_MANY_PAGES);
        assertThat(q.detail()).contains("3\u202f000 pages", "limite : 2\u202f000");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void the_caller_regains_control_when_a_parse_runs_out_of_time() {
        TextExtractor impatient = new TextExtractor(
                IngestSettings.defaults().withMaxPages(5_000).withTimeout(Duration.ofMillis(200)), NO_TESSERACT);
        long start = System.nanoTime();

        Outcome outcome = impatient.extract("annexes.pdf", threeThousandPages);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Outcome.Quarantined q = quarantined(outcome, QuarantineReason.TIMEOUT);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
        assertThat(q.message()).contains("délai plus long");
        q.partialExtraction().ifPresent(partial -> assertThat(partial.pages().size()).isLessThan(3_000));
    }

    @Test
    void a_parse_that_ignores_interruption_is_abandoned_and_counted_until_it_ends() throws Exception {
        Parser stubborn = new AbstractParser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext context) {
                return Set.of(MediaType.application("pdf"));
            }

            @Override
            public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
                // Like PDFBox deep in a page: writes nothing, ignores interruption.
                long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (System.nanoTime() < end) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ignored) {
                        // keeps going
                    }
                }
            }
        };
        IngestSettings settings = new IngestSettings(1 << 20, 100, 100_000, Duration.ofMillis(100), false, "fra",
                Duration.ofSeconds(5), 1, 1 << 20, 1, 1, 1 << 20, 10, 1, 1);
        TextExtractor extractor = new TextExtractor(settings, NO_TESSERACT, stubborn);
        long start = System.nanoTime();

        Outcome outcome = extractor.extract("bloquant.pdf", deliberation());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(quarantined(outcome, QuarantineReason.TIMEOUT).detail()).contains("abandonnée");
        assertThat(extractor.stuckParses()).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(() -> extractor.extract("suivant.pdf", deliberation()))
                .withMessageContaining("restart");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (extractor.stuckParses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(extractor.stuckParses()).isZero();
    }

    @Test
    void a_file_whose_extension_lies_is_read_by_its_content_and_the_lie_is_noted() {
        Extraction extraction = extracted(extractor.extract("courrier.docx", deliberation()));

        assertThat(extraction.type().mediaType()).isEqualTo("application/pdf");
        assertThat(extraction.type().extensionLies()).isTrue();
        assertThat(extraction.pages()).hasSize(3);
        assertThat(extraction.notices()).singleElement().asString().contains("courrier.docx", "application/pdf");
    }

    @Test
    void iso_8859_1_french_text_is_decoded() {
        String text = "Délibération du conseil municipal : vidéoprotection, caméras, élus.\n"
                + "La commune a décidé d'étendre le système à la gare et à l'école.\n";

        Extraction extraction = extracted(extractor.extract("note.txt", text.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(extraction.text()).contains("Délibération", "vidéoprotection", "caméras", "décidé", "école");
    }

    @Test
    void windows_1252_punctuation_survives() {
        String text = "L’arrêté préfectoral autorise la vidéoprotection – coût : 12 000 €.\n"
                + "« Les images sont conservées quinze jours. » Été 2026.\n";

        Extraction extraction = extracted(extractor.extract("arrete.txt",
                text.getBytes(Charset.forName("windows-1252"))));

        assertThat(extraction.text()).contains("L’arrêté", "vidéoprotection – coût", "12 000 €", "« Les images");
        assertThat(extraction.notices()).anySatisfy(n -> assertThat(n).contains("converti"));
    }

    @Test
    void utf_8_text_needs_no_notice() {
        Extraction extraction = extracted(extractor.extract("note.txt",
                "Vidéoprotection : 12 caméras.\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(extraction.text()).isEqualTo("Vidéoprotection : 12 caméras.");
        assertThat(extraction.pages()).hasSize(1);
    }

    @Test
    void pure_ascii_text_needs_no_encoding_notice_in_memory_or_on_disk() throws Exception {
        String text = "Objet : votre demande LNT-2026-000123. Nous ne detenons aucun document.\n";
        Extraction inMemory = extracted(extractor.extract("reponse.txt", text.getBytes(StandardCharsets.US_ASCII)));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ascii", ".txt");
        try {
            java.nio.file.Files.writeString(file, text, StandardCharsets.US_ASCII);
            Extraction onDisk = extracted(extractor.extract(file));
            for (Extraction extraction : List.of(inMemory, onDisk)) {
                assertThat(extraction.text()).contains("LNT-2026-000123");
                assertThat(extraction.notices()).noneSatisfy(n -> assertThat(n).contains("encodé"));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void bytes_of_no_known_format_are_refused() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        Outcome.Quarantined q = quarantined(extractor.extract("piece.bin", noise), QuarantineReason.TYPE_REFUSED);

        assertThat(q.message()).contains("piece.bin", "format inconnu", "conservé");
    }

    @Test
    void a_file_over_the_size_limit_is_quarantined_unread() {
        IngestSettings tiny = new IngestSettings(1_000, 2_000, 1_000_000, Duration.ofMinutes(1), false, "fra+eng",
                Duration.ofMinutes(1), 10, 64L << 20, 3, 100, 10_000_000, 100, 100, 4);

        Outcome.Quarantined q = quarantined(new TextExtractor(tiny, NO_TESSERACT).extract("gros.pdf", deliberation()),
                QuarantineReason.TOO_LARGE);

        assertThat(q.detail()).contains("limite : 1000 octets");
    }

    @Test
    void a_scan_without_tesseract_is_kept_and_marked_as_needing_ocr() {
        Extraction extraction = extracted(extractor.extract("scan.pdf", TestDocuments.scannedPdf(false)));

        assertThat(extraction.needsOcr()).isTrue();
        assertThat(extraction.pages()).singleElement().satisfies(page -> {
            assertThat(page.needsOcr()).isTrue();
            assertThat(page.ocred()).isFalse();
        });
        assertThat(extraction.notices()).anySatisfy(n -> assertThat(n).contains("à océriser", "apt-get install"));
    }

    @Test
    void a_scan_is_ocred_in_french_when_tesseract_is_installed() {
        assumeTrue(OCR.available(), "Tesseract with French and English is not installed: " + OCR.describe());
        TextExtractor withOcr = new TextExtractor(IngestSettings.defaults(), OCR);

        Extraction extraction = extracted(withOcr.extract("scan.pdf", TestDocuments.scannedPdf(false)));

        Page page = extraction.pages().get(0);
        assertThat(page.ocred()).isTrue();
        assertThat(page.needsOcr()).isFalse();
        assertThat(page.text()).contains("Délibération", "conseil municipal", "vidéoprotection");
        assertThat(extraction.metadata().producer()).isEqualTo("Canon iR-ADV C5535");
    }

    @Test
    void pages_beyond_the_ocr_limit_are_left_marked_as_needing_ocr() {
        assumeTrue(OCR.available(), "Tesseract with French and English is not installed: " + OCR.describe());
        IngestSettings noOcrPages = new IngestSettings(1 << 30, 100, 1_000_000, Duration.ofMinutes(1), true,
                "fra+eng", Duration.ofMinutes(1), 0, 64L << 20, 1, 1, 1 << 20, 10, 1, 1);

        Extraction extraction = extracted(new TextExtractor(noOcrPages, OCR).extract("scan.pdf",
                TestDocuments.scannedPdf(false)));

        assertThat(extraction.pages().get(0).needsOcr()).isTrue();
        assertThat(extraction.notices()).anySatisfy(n -> assertThat(n).contains("limite de 0 pages océrisées"));
    }

    @Test
    void ocr_can_be_switched_off() {
        TextExtractor noOcr = new TextExtractor(IngestSettings.defaults().withOcrEnabled(false), OCR);

        Extraction extraction = extracted(noOcr.extract("scan.pdf", TestDocuments.scannedPdf(false)));

        assertThat(extraction.needsOcr()).isTrue();
        assertThat(extraction.notices()).anySatisfy(n -> assertThat(n).contains("désactivé"));
    }

    @Test
    void an_image_without_tesseract_is_kept_and_marked_as_needing_ocr() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(TestDocuments.scannedPage(false), "png", png);

        Extraction extraction = extracted(extractor.extract("courrier-scanne.png", png.toByteArray()));

        assertThat(extraction.type().mediaType()).isEqualTo("image/png");
        assertThat(extraction.needsOcr()).isTrue();
    }

    @Test
    void a_word_file_is_one_page_with_its_title() throws Exception {
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle("Convention de mise à disposition");
            document.createParagraph().createRun().setText("Entre les soussignés : la commune de Saint-Exemple…");
            document.createParagraph().createRun().setText("Il a été convenu ce qui suit.");
            document.write(out);
            docx = out.toByteArray();
        }

        Extraction extraction = extracted(extractor.extract("convention.docx", docx));

        assertThat(extraction.pages()).singleElement().extracting(Page::text).asString()
                .contains("Entre les soussignés", "convenu ce qui suit");
        assertThat(extraction.metadata().title()).isEqualTo("Convention de mise à disposition");
        assertThat(extraction.type().extensionLies()).isFalse();
    }

    @Test
    void a_spreadsheet_has_one_page_per_sheet() throws Exception {
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            workbook.createSheet("Caméras").createRow(0).createCell(0).setCellValue("Place de la Mairie");
            workbook.createSheet("Coûts").createRow(0).createCell(0).setCellValue("Maintenance 12 000 €");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        Extraction extraction = extracted(extractor.extract("inventaire.xlsx", xlsx));

        assertThat(extraction.pages()).hasSize(2);
        assertThat(extraction.pages().get(0).text()).contains("Caméras", "Place de la Mairie");
        assertThat(extraction.pages().get(1).text()).contains("Maintenance 12 000 €");
    }

    @Test
    void tells_whether_tesseract_is_there() {
        assertThat(NO_TESSERACT.available()).isFalse();
        assertThat(NO_TESSERACT.describe()).contains("apt-get install tesseract-ocr tesseract-ocr-fra");
        if (OCR.tesseractFound()) {
            assertThat(OCR.languages()).contains("eng");
            assertThat(OCR.version()).startsWith("tesseract");
        }
    }
}

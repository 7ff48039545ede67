package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfLetterRendererTest {

    static final Path SAMPLES = Path.of("target", "letters-sample");
    private static final float MM = PdfLetterRenderer.MM;
    private static final float PAGE_HEIGHT = 297 * MM;

    /**
     * The one normalisation applied before comparing extracted text: runs of spaces, tabs and line ends count as one
     * space, since where a line wraps is the layout's business. Every other character, no-break spaces included,
     * must come back as it is.
     */
    private static final Pattern BREAKABLE_WHITESPACE = Pattern.compile("[ \\t\\r\\n]+");

    private final Letters letters = Fixtures.letters();

    @ParameterizedTest
    @ValueSource(strings = {"vsa", "cctv", "drones-sound", "relance", "saisine-cada", "saisine-cada-serie"})
    void theTextExtractedFromThePdfIsTheLetter(String id) throws IOException {
        Letter letter = letters.compose(id, Fixtures.contextFor(letters.templates().get(id)));

        byte[] pdf = letters.pdf(letter);

        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(id + ".pdf"), pdf);
        assertThat(normalise(textWithoutPageNumbers(pdf))).isEqualTo(normalise(letter.plainText()));
    }

    @Test
    void frenchTypographyComesBackExactly() throws IOException {
        String sample = "Élève à l’œuvre : « Œdipe », ça coûte 0,18\u00A0€ · déjà vu ; où ? Ô ! ÀÇÈÉÊËÎÏÔÙÛÜŸ "
                + "àâæçèéêëîïôœùûüÿ – … « citation » l’été n°\u00A01";
        Letter letter = letterWithBody(List.of("Madame, Monsieur,", sample, "Bien à vous."));

        byte[] pdf = letters.pdf(letter);

        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("typographie.pdf"), pdf);
        assertThat(normalise(textWithoutPageNumbers(pdf))).contains(sample).isEqualTo(normalise(letter.plainText()));
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = letters.pdf(letters.compose("vsa", Fixtures.request()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif");
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            });
        }
        assertThat(pdf.length).as("a subset, not the 390 KB font").isLessThan(80_000);
    }

    @Test
    void theDocumentIsDescribed() throws IOException {
        Letter letter = letters.compose("cctv", Fixtures.request());

        try (PDDocument document = Loader.loadPDF(letters.pdf(letter))) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(letter.subject());
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Camille Martin");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Lanterne");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Fixtures.CLOCK.instant());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(210 * MM, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(297 * MM, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void theRecipientSitsInTheEnvelopeWindowAndNothingOverlaps() {
        Letter letter = letters.compose("saisine-cada", Fixtures.contextFor(letters.templates().get("saisine-cada")));

        List<PdfLetterRenderer.Page> pages = renderer().layout(letter);

        List<PdfLetterRenderer.Line> first = pages.get(0).lines();
        List<PdfLetterRenderer.Line> sender = first.stream().filter(line -> line.size() == 10).toList();
        List<PdfLetterRenderer.Line> recipient = first.subList(sender.size(), first.size()).stream()
                .filter(line -> (PAGE_HEIGHT - line.y()) / MM < 90).toList();
        assertThat(sender).extracting(PdfLetterRenderer.Line::text).isEqualTo(letter.sender());
        // The CADA's long name wraps within the window: 5 lines for 4.
        assertThat(String.join(" ", recipient.stream().map(PdfLetterRenderer.Line::text).toList()))
                .isEqualTo(String.join(" ", letter.recipient()));
        assertThat(recipient).hasSize(5);
        // The DL window, once the sheet is folded in three, shows about 100-190 mm across and 50-84 mm down.
        for (PdfLetterRenderer.Line line : recipient) {
            float fromTop = (PAGE_HEIGHT - line.y()) / MM;
            assertThat(line.x() / MM).isCloseTo(110, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(fromTop).isBetween(50f, 84f);
            assertThat((line.x() + renderer().width(line)) / MM).isLessThan(190);
        }
        for (PdfLetterRenderer.Line line : sender) {
            assertThat((line.x() + renderer().width(line)) / MM).isLessThan(105);
            assertThat((PAGE_HEIGHT - line.y()) / MM).isBetween(20f, 50f);
        }
        for (PdfLetterRenderer.Page page : pages) {
            List<PdfLetterRenderer.Line> lines = new ArrayList<>(page.lines());
            for (int i = 0; i < lines.size(); i++) {
                for (int j = i + 1; j < lines.size(); j++) {
                    assertThat(overlap(lines.get(i), lines.get(j))).as("%s / %s", lines.get(i), lines.get(j)).isFalse();
                }
                assertThat(lines.get(i).y() / MM).isGreaterThan(11.9f);
                assertThat((lines.get(i).x() + renderer().width(lines.get(i))) / MM).isLessThanOrEqualTo(190.01f);
            }
        }
    }

    @Test
    void aLongLetterRunsOnSeveralNumberedPages() throws IOException {
        List<String> body = new ArrayList<>();
        body.add("Madame, Monsieur,");
        for (int i = 1; i <= 40; i++) {
            body.add("Paragraphe " + i + " : " + String.join(" ", Collections.nCopies(12,
                    "les délibérations du conseil municipal relatives à la vidéoprotection")));
        }
        Letter letter = letterWithBody(body);

        byte[] pdf = letters.pdf(letter);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(5);
            for (int page = 1; page <= pages; page++) {
                assertThat(pageText(document, page).strip()).endsWith(page + "/" + pages);
            }
        }
        assertThat(normalise(textWithoutPageNumbers(pdf))).isEqualTo(normalise(letter.plainText()));
    }

    @Test
    void aShortLetterHasNoPageNumber() throws IOException {
        Letter letter = letterWithBody(List.of("Madame, Monsieur,", "Merci.", "Bien à vous."));

        try (PDDocument document = Loader.loadPDF(letters.pdf(letter))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(pageText(document, 1).strip()).endsWith("Camille Martin");
        }
    }

    @Test
    void theCampaignPdfHoldsEveryLetterPageAfterPage() throws IOException {
        List<Letter> campaign = List.of(
                letters.compose("vsa", Fixtures.request()),
                letters.compose("cctv", Fixtures.request()),
                letterWithBody(List.of("Madame, Monsieur,", "Court.", "Bien à vous.")),
                letters.compose("drones-sound", Fixtures.request()));
        int sum = 0;
        List<Integer> pages = new ArrayList<>();
        for (Letter letter : campaign) {
            try (PDDocument document = Loader.loadPDF(letters.pdf(letter))) {
                pages.add(document.getNumberOfPages());
                sum += document.getNumberOfPages();
            }
        }
        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve("campagne.pdf");

        CampaignPdf merged = letters.mergeForPrinting("Campagne VSA – Alpes-Maritimes", written(campaign), false,
                file);

        assertThat(merged).isEqualTo(new CampaignPdf(4, sum, sum));
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(sum);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Campagne VSA – Alpes-Maritimes");
            assertThat(pageText(document, pages.get(0) + 1)).startsWith("Camille Martin");
        }
    }

    @Test
    void forDoubleSidedPrintingEveryLetterStartsOnAFrontPage() throws IOException {
        List<Letter> campaign = List.of(letterWithBody(List.of("Madame, Monsieur,", "Court.", "Merci.")),
                letters.compose("vsa", Fixtures.request()));
        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve("campagne-recto-verso.pdf");

        CampaignPdf merged = letters.mergeForPrinting("Campagne", written(campaign), true, file);

        assertThat(merged.letters()).isEqualTo(2);
        assertThat(merged.pages()).isEven();
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(merged.pages());
            assertThat(pageText(document, 2).strip()).isEmpty();
            assertThat(pageText(document, 3)).startsWith("Camille Martin");
        }
    }

    /** Each letter written to its own file, as the requests module writes them before merging. */
    private List<Path> written(List<Letter> campaign) throws IOException {
        Path folder = Files.createDirectories(SAMPLES.resolve("campagne-lettres"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < campaign.size(); i++) {
            Path file = folder.resolve(i + ".pdf");
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                letters.writePdf(campaign.get(i), out);
            }
            files.add(file);
        }
        return files;
    }

    @Test
    void severalThreadsCanRenderWithOneInstance() throws Exception {
        List<String> ids = List.of("vsa", "cctv", "drones-sound", "relance");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = ids.get(i % ids.size());
                results.add(threads.submit(() -> {
                    Letter letter = letters.compose(id, Fixtures.contextFor(letters.templates().get(id)));
                    return normalise(textWithoutPageNumbers(letters.pdf(letter))).equals(normalise(letter.plainText()));
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRecipientTooLongForTheWindowIsRefused() {
        Letter letter = new Letter("essai", List.of("Camille Martin"), List.of("A", "B", "C", "D", "E", "F", "G", "H"),
                "Nice", Fixtures.TODAY, Fixtures.REFERENCE, "Objet", List.of("Texte."), List.of("Camille Martin"));

        assertThatThrownBy(() -> letters.pdf(letter))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("L'adresse du destinataire occupe 8 lignes : 7 au plus");
    }

    @Test
    void aCharacterTheFontCannotPrintIsNamed() {
        Requester emoji = new Requester("Camille Martin \uD83D\uDE42", null, "camille.martin@example.org");
        Letter letter = letters.compose("vsa", LetterContext.request(emoji, Fixtures.MAIRIE_DE_NICE,
                Fixtures.REFERENCE, Fixtures.TODAY, "Nice"));

        assertThatThrownBy(() -> letters.pdf(letter))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(U+1F642) ne peut pas être imprimé avec la police des lettres (Liberation Serif)");
    }

    @Test
    void longWordsAndListItemsWrapWithinTheMargins() {
        String url = "https://www.example.org/" + "tres-long-chemin/".repeat(20);
        List<PdfLetterRenderer.Segment> segments = renderer().wrap("3. " + "mot ".repeat(60) + url, 11, 165 * MM);

        assertThat(segments).hasSizeGreaterThan(3);
        assertThat(segments.get(0).indent()).isZero();
        assertThat(segments.subList(1, segments.size())).allSatisfy(segment ->
                assertThat(segment.indent()).isEqualTo(LetterFont.packaged().width("3. ", 11)));
        assertThat(segments).allSatisfy(segment -> assertThat(segment.indent()
                + LetterFont.packaged().width(segment.text(), 11)).isLessThanOrEqualTo(165 * MM));
        assertThat(String.join("", segments.stream().map(PdfLetterRenderer.Segment::text).toList()))
                .endsWith(url.substring(url.length() - 60));
    }

    private static PdfLetterRenderer renderer() {
        return new PdfLetterRenderer(LetterFont.packaged(), Fixtures.CLOCK);
    }

    private static boolean overlap(PdfLetterRenderer.Line a, PdfLetterRenderer.Line b) {
        float aRight = a.x() + renderer().width(a);
        float bRight = b.x() + renderer().width(b);
        boolean horizontally = a.x() < bRight && b.x() < aRight;
        boolean vertically = Math.abs(a.y() - b.y()) < Math.max(a.size(), b.size());
        return horizontally && vertically;
    }

    private static Letter letterWithBody(List<String> body) {
        return new Letter("essai", List.of("Camille Martin", "12 rue de la Préfecture", "06300 Nice",
                "camille.martin@example.org"), List.of("Mairie de Nice", "5 rue de l’Hôtel de Ville",
                "06364 Nice Cedex 4"), "Nice", Fixtures.TODAY, Fixtures.REFERENCE,
                "Demande de communication de documents administratifs", body, List.of("Camille Martin"));
    }

    /** The text of every page, without the "2/3" page number that closes each page of a multi-page letter. */
    static String textWithoutPageNumbers(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= pages; page++) {
                String pageText = pageText(document, page).strip();
                if (pages > 1) {
                    String number = page + "/" + pages;
                    assertThat(pageText).endsWith(number);
                    pageText = pageText.substring(0, pageText.length() - number.length());
                }
                text.append(pageText).append('\n');
            }
            return text.toString();
        }
    }

    static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    static String normalise(String text) {
        return BREAKABLE_WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}

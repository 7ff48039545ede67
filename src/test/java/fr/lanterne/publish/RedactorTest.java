package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The redacted PDF holds nothing of what was occulted, on real files: what {@code pdftotext} and {@code pdfinfo}
 * (poppler) read, the pixels PDFBox renders, and what is left of the rest of the page.
 */
class RedactorTest {

    static final String LETTER = """
            Madame Sophie LAMBERT
            12 rue des Lilas
            38000 Grenoble
            Courriel : sophie.lambert@orange.fr
            Tél. : 06 12 34 56 78

            Objet : demande de communication des documents relatifs à la vidéoprotection

            Monsieur le Maire,
            Par courrier du 3 novembre 2026, l’association Lanterne a demandé la communication des
            délibérations du conseil municipal relatives aux caméras installées sur la commune, ainsi que
            des conventions passées avec l’entreprise chargée de la maintenance du réseau.
            Les agents habilités à visionner les images sont Claire DURAND et Paul Lefèvre, brigadiers.
            Le véhicule immatriculé AB-123-CD appartient au service technique de la ville.
            Le paiement a été fait sur le compte FR76 3000 6000 0112 3456 7890 189 de la régie.
            Je vous prie d’agréer, Monsieur le Maire, l’expression de mes salutations distinguées.

            Le Maire,
            [SIGNATURE]
            Jean-Pierre MARTIN""";

    static final List<String> SECRETS = List.of("Sophie", "LAMBERT", "Lilas", "sophie.lambert@orange.fr",
            "06 12 34 56 78", "DURAND", "Lefèvre", "AB-123-CD", "FR76", "0112 3456", "Jean-Pierre", "MARTIN");

    private final RedactionSettings settings = RedactionSettings.defaults();
    private final DocumentWords documentWords = new DocumentWords(settings);
    private final RedactionProposals proposals = new RedactionProposals();
    private final Redactor redactor = new Redactor(settings);

    @Test
    void a_text_letter_keeps_nothing_of_what_was_occulted_and_everything_else() throws Exception {
        byte[] original = withEverythingHidden(TestPdfs.letter(List.of(LETTER, "Annexe : liste des caméras.")));
        List<PageText> pages = documentWords.read(original);
        List<RedactionProposal> found = proposals.propose(pages);
        assertThat(found).extracting(RedactionProposal::kind).contains(ProposalKind.EMAIL, ProposalKind.PHONE,
                ProposalKind.IBAN, ProposalKind.NAME, ProposalKind.POSTAL_ADDRESS, ProposalKind.VEHICLE_PLATE,
                ProposalKind.SIGNATURE);
        List<PdfRect> boxes = found.stream().flatMap(p -> p.boxes().stream()).toList();

        RedactedPdf redacted = redactor.redact(original, boxes, pages);

        assertThat(redacted.pages()).isEqualTo(2);
        assertThat(redacted.pagesRasterised()).isEqualTo(1);
        assertNothingLeft(redacted.pdf(), SECRETS);
        assertNothingLeft(redacted.pdf(), found.stream().map(RedactionProposal::text)
                .filter(t -> !t.startsWith("signature") && !t.startsWith("zone")).toList());
        assertBlackUnder(redacted.pdf(), boxes);
        assertOtherWordsKept(redacted.pdf(), pages.get(0), boxes, 0.95);
        assertThat(TestPdfs.poppler(redacted.pdf(), "pdftotext")).contains("Annexe : liste des caméras.");
        assertThat(redacted.wordsRemoved()).isGreaterThan(15);
        assertThat(redacted.wordsKept()).isEqualTo(pages.get(0).words().size() - redacted.wordsRemoved());
    }

    @Test
    void a_scanned_letter_is_read_by_tesseract_and_redacted_the_same_way() throws Exception {
        boolean required = System.getenv("LANTERNE_OCR_REQUIRED") != null;
        boolean available = documentWords.ocrAvailable();
        if (required) {
            assertThat(available).as("LANTERNE_OCR_REQUIRED is set but tesseract fra+eng is not installed").isTrue();
        }
        assumeTrue(available, "tesseract with fra+eng is not installed");
        byte[] scan = TestPdfs.scanned(TestPdfs.letter(LETTER), 300);

        List<PageText> pages = documentWords.read(scan);

        PageText page = pages.get(0);
        assertThat(page.scanned()).isTrue();
        assertThat(page.ocred()).isTrue();
        assertThat(page.words()).extracting(PageWord::text).contains("LAMBERT", "sophie.lambert@orange.fr",
                "vidéoprotection", "MARTIN");
        List<RedactionProposal> found = proposals.propose(pages);
        assertThat(found).extracting(RedactionProposal::kind).contains(ProposalKind.EMAIL, ProposalKind.PHONE,
                ProposalKind.NAME, ProposalKind.POSTAL_ADDRESS, ProposalKind.SIGNATURE);
        List<PdfRect> boxes = found.stream().flatMap(p -> p.boxes().stream()).toList();

        RedactedPdf redacted = redactor.redact(scan, boxes);

        assertNothingLeft(redacted.pdf(), List.of("LAMBERT", "Lilas", "sophie.lambert@orange.fr", "06 12 34 56 78",
                "DURAND", "Lefèvre", "MARTIN"));
        assertBlackUnder(redacted.pdf(), boxes);
        assertOtherWordsKept(redacted.pdf(), page, boxes, 0.95);
        assertThat(TestPdfs.poppler(redacted.pdf(), "pdfinfo")).doesNotContain("Canon");
    }

    @Test
    void a_redacted_file_can_be_redacted_again_from_its_own_invisible_text_layer() throws Exception {
        byte[] once = redactor.redact(TestPdfs.letter(LETTER), List.of(new PdfRect(1, 55, 55, 140, 18))).pdf();

        List<PageText> pages = documentWords.read(once);
        assertThat(pages.get(0).scanned()).isFalse();
        List<PdfRect> boxes = proposals.propose(pages).stream()
                .filter(p -> p.kind() == ProposalKind.EMAIL || p.kind() == ProposalKind.PHONE)
                .flatMap(p -> p.boxes().stream()).toList();
        assertThat(boxes).hasSize(2);
        RedactedPdf twice = redactor.redact(once, boxes, pages);

        assertNothingLeft(twice.pdf(), List.of("LAMBERT", "sophie.lambert@orange.fr", "06 12 34 56 78"));
        assertBlackUnder(twice.pdf(), boxes);
        assertOtherWordsKept(twice.pdf(), pages.get(0), boxes, 0.95);
    }

    @Test
    void pages_without_a_box_are_copied_without_annotations_or_metadata() throws Exception {
        byte[] original = withEverythingHidden(TestPdfs.letter(List.of("Première page", "Deuxième page")));

        RedactedPdf redacted = redactor.redact(original, List.of());

        assertThat(redacted.pagesRasterised()).isZero();
        assertNothingLeft(redacted.pdf(), List.of());
        assertThat(TestPdfs.poppler(redacted.pdf(), "pdftotext")).contains("Première page", "Deuxième page");
    }

    @Test
    void refuses_what_it_cannot_redact_faithfully() throws Exception {
        byte[] letter = TestPdfs.letter("Madame Sophie LAMBERT");

        assertThatThrownBy(() -> redactor.redact("pas un PDF".getBytes(StandardCharsets.UTF_8), List.of()))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("n’est pas un PDF");
        assertThatThrownBy(() -> redactor.redact(Arrays.copyOf(letter, 400), List.of()))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("n’est pas un PDF");
        assertThatThrownBy(() -> redactor.redact(encrypted(letter, "secret"), List.of()))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("chiffré");
        assertThatThrownBy(() -> redactor.redact(encrypted(letter, ""), List.of()))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("chiffré");
        assertThatThrownBy(() -> redactor.redact(letter, List.of(new PdfRect(1, 500, 800, 200, 20))))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("dépasse de la page 1");
        assertThatThrownBy(() -> redactor.redact(letter, List.of(new PdfRect(3, 10, 10, 20, 20))))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("page 3", "1 page");
        assertThatThrownBy(() -> redactor.redact(huge(), List.of(new PdfRect(1, 10, 10, 20, 20))))
                .isInstanceOf(RedactionRefused.class).hasMessageContaining("ne peut pas être rendue");
        assertThatThrownBy(() -> new PdfRect(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdfRect(1, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdfRect(1, Float.NaN, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boxes_follow_the_displayed_page_when_it_is_rotated() throws Exception {
        byte[] rotated;
        try (PDDocument document = Loader.loadPDF(TestPdfs.letter("Madame Sophie LAMBERT demande"))) {
            document.getPage(0).setRotation(90);
            rotated = TestPdfs.bytes(document);
        }
        List<PageText> pages = documentWords.read(rotated);
        assertThat(pages.get(0).width()).isGreaterThan(pages.get(0).height());
        List<PdfRect> boxes = proposals.propose(pages).stream().flatMap(p -> p.boxes().stream()).toList();
        assertThat(boxes).isNotEmpty();

        RedactedPdf redacted = redactor.redact(rotated, boxes, pages);

        assertNothingLeft(redacted.pdf(), List.of("Sophie", "LAMBERT"));
        assertBlackUnder(redacted.pdf(), boxes);
        assertThat(TestPdfs.poppler(redacted.pdf(), "pdftotext")).contains("Madame", "demande");
    }

    // --- checks -------------------------------------------------------------------------------------------------

    /** pdftotext, pdfinfo and the structure of the file hold none of the strings, and nothing hidden. */
    static void assertNothingLeft(byte[] pdf, List<String> secrets) throws Exception {
        String text = TestPdfs.poppler(pdf, "pdftotext").replaceAll("\\s+", " ");
        String info = TestPdfs.poppler(pdf, "pdfinfo");
        String xmp = TestPdfs.poppler(pdf, "pdfinfo", "-meta");
        for (String secret : secrets) {
            assertThat(text).as("pdftotext").doesNotContain(secret);
            assertThat(info + xmp).as("pdfinfo").doesNotContain(secret);
        }
        assertThat(info).doesNotContainPattern("(?m)^(Title|Author|Subject|Keywords|Creator|Producer):");
        assertThat(info).contains("Form:            none", "JavaScript:      no");
        assertThat(xmp).doesNotContain("xmpmeta", "rdf:");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMetadata()).isNull();
            assertThat(document.getDocumentCatalog().getAcroForm()).isNull();
            assertThat(document.getDocumentCatalog().getDocumentOutline()).isNull();
            assertThat(document.getDocumentCatalog().getNames()).isNull();
            assertThat(document.getDocumentCatalog().getCOSObject().containsKey(COSName.OPEN_ACTION)).isFalse();
            assertThat(document.getDocumentInformation().getCOSObject().keySet()).isEmpty();
            for (PDPage page : document.getPages()) {
                assertThat(page.getAnnotations()).isEmpty();
                assertThat(page.getMetadata()).isNull();
            }
        }
    }

    /** Every pixel inside each box (one pixel in from its edge) is black when the output is rendered. */
    static void assertBlackUnder(byte[] pdf, List<PdfRect> boxes) throws Exception {
        int dpi = 150;
        float scale = dpi / 72f;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int pageNumber : boxes.stream().map(PdfRect::page).collect(Collectors.toSet())) {
                BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.RGB);
                for (PdfRect box : boxes.stream().filter(b -> b.page() == pageNumber).toList()) {
                    int left = (int) Math.ceil(box.x() * scale) + 1;
                    int right = (int) Math.floor(box.right() * scale) - 1;
                    int top = (int) Math.ceil(box.y() * scale) + 1;
                    int bottom = (int) Math.floor(box.bottom() * scale) - 1;
                    assertThat(right).isGreaterThan(left);
                    for (int y = top; y <= bottom; y++) {
                        for (int x = left; x <= right; x++) {
                            int rgb = image.getRGB(x, y) & 0xffffff;
                            assertThat(rgb).as("pixel %d,%d of %s", x, y, box).isLessThan(0x101010);
                        }
                    }
                }
            }
        }
    }

    /** At least {@code share} of the page's words that no box overlaps are found by pdftotext in the output. */
    static void assertOtherWordsKept(byte[] pdf, PageText page, List<PdfRect> boxes, double share) {
        Set<String> output = new HashSet<>(Arrays.asList(
                TestPdfs.poppler(pdf, "pdftotext", "-f", String.valueOf(page.page()), "-l",
                        String.valueOf(page.page())).split("\\s+")));
        List<String> others = new ArrayList<>();
        for (PageWord word : page.words()) {
            if (boxes.stream().noneMatch(box -> box.overlaps(word.box(), 0))) {
                others.add(word.text());
            }
        }
        long found = others.stream().filter(output::contains).count();
        assertThat(others).hasSizeGreaterThan(20);
        assertThat((double) found / others.size()).as("share of the other words kept: " + others.stream()
                .filter(w -> !output.contains(w)).toList()).isGreaterThanOrEqualTo(share);
    }

    // --- files with everything a redacted PDF must not carry -------------------------------------------------------

    private static byte[] withEverythingHidden(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setTitle("Courrier de Sophie LAMBERT");
            document.getDocumentInformation().setAuthor("Sophie LAMBERT");
            document.getDocumentInformation().setCreationDate(Calendar.getInstance());
            PDMetadata xmp = new PDMetadata(document);
            xmp.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                    + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Sophie LAMBERT\"/></rdf:RDF>"
                    + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(xmp);
            PDPage first = document.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setContents("Appeler Sophie LAMBERT au 06 12 34 56 78");
            note.setRectangle(new PDRectangle(400, 700, 20, 20));
            first.getAnnotations().add(note);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources.put(COSName.getPDFName("Helv"), new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 0 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("demandeur");
            field.setDefaultAppearance("/Helv 10 Tf 0 g");
            form.getFields().add(field);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(400, 600, 150, 20));
            widget.setPage(first);
            first.getAnnotations().add(widget);
            field.setValue("Sophie LAMBERT");
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle("Lettre de Sophie LAMBERT");
            outline.addLast(item);
            document.getDocumentCatalog().setDocumentOutline(outline);
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("lambert.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream("Sophie LAMBERT".getBytes(StandardCharsets.UTF_8))));
            files.setNames(java.util.Map.of("lambert.txt", spec));
            names.setEmbeddedFiles(files);
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("hello", new PDActionJavaScript("app.alert('Sophie LAMBERT');")));
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('LAMBERT');"));
            return TestPdfs.bytes(document);
        }
    }

    private static byte[] encrypted(byte[] pdf, String userPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.protect(new StandardProtectionPolicy("owner", userPassword, new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A page of 200 × 200 inches: allowed by the format, 90 000 megapixels at 150 dpi. */
    private static byte[] huge() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(14_400, 14_400)));
            return TestPdfs.bytes(document);
        }
    }
}

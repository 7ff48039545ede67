package fr.lanterne.publish;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The words of each page of a PDF with where they are drawn: from the text layer (PDFBox) for text pages, from
 * Tesseract (TSV output, one process per page with {@code OMP_THREAD_LIMIT=1} and a timeout) for scanned pages, which
 * are rendered in grey at {@link RedactionSettings#ocrDpi()}. A page is scanned when its text layer has fewer than
 * {@value #SCAN_MAX_CHARACTERS} characters and it draws an image. Pages are read one at a time.
 */
public final class DocumentWords {

    static final int SCAN_MAX_CHARACTERS = 10;

    private final RedactionSettings settings;
    private final Tesseract tesseract;

    public DocumentWords(RedactionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tesseract = new Tesseract(settings);
    }

    /**
     * Every page, in order.
     *
     * @throws RedactionRefused when the file is not a PDF or is encrypted
     */
    public List<PageText> read(byte[] pdf) {
        try (PDDocument document = PdfFiles.open(pdf)) {
            return read(document, page -> true);
        } catch (IOException e) {
            throw RedactionRefused.notAPdf();
        }
    }

    /** Whether scans are OCRed here (Tesseract installed with the languages, OCR enabled). */
    public boolean ocrAvailable() {
        return tesseract.available();
    }

    /** Every page; scanned pages are OCRed only when {@code ocr} accepts their number. */
    List<PageText> read(PDDocument document, IntPredicate ocr) {
        PDFRenderer renderer = null;
        List<PageText> pages = new ArrayList<>();
        for (int number = 1; number <= document.getNumberOfPages(); number++) {
            PDPage page = document.getPage(number - 1);
            PageGeometry geometry = PageGeometry.of(page);
            if (!(geometry.displayedWidth() > 0) || !(geometry.displayedHeight() > 0)) {
                throw RedactionRefused.unrenderable(number, "page sans dimensions");
            }
            List<PageWord> words;
            List<PdfRect> images;
            try {
                words = TextLayerReader.words(document, number);
                images = ImageFinder.images(page, number);
            } catch (IOException | RuntimeException e) {
                throw RedactionRefused.unrenderable(number, "contenu illisible");
            }
            int characters = words.stream().mapToInt(w -> w.text().length()).sum();
            boolean scanned = characters < SCAN_MAX_CHARACTERS && !images.isEmpty();
            boolean ocred = false;
            if (scanned && ocr.test(number) && tesseract.available()) {
                if (renderer == null) {
                    renderer = new PDFRenderer(document);
                }
                geometry.checkRenderable(number, settings.ocrDpi());
                BufferedImage image;
                try {
                    image = renderer.renderImageWithDPI(number - 1, settings.ocrDpi(), ImageType.GRAY);
                } catch (IOException | RuntimeException e) {
                    throw RedactionRefused.unrenderable(number, e.getClass().getSimpleName());
                }
                words = tesseract.read(image, settings.ocrDpi(), number);
                ocred = !words.isEmpty();
            }
            pages.add(new PageText(number, geometry.displayedWidth(), geometry.displayedHeight(), scanned, ocred,
                    words, images));
        }
        return pages;
    }
}

package fr.lanterne.publish;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes a new PDF that holds nothing of what the boxes cover: each page with a box is rendered to an image at
 * {@link RedactionSettings#dpi()} with the boxes painted opaque black into its pixels, with an invisible text layer
 * (render mode NEITHER) rebuilt from the words no box overlaps; the other pages are copied without annotations or
 * metadata; the document information, XMP, form fields, attachments, JavaScript, open action, names tree and outline
 * are left behind, since the new document starts from an empty catalogue. The original bytes are not changed. Pages
 * are rendered one at a time; the images are stored losslessly ({@link PageImages}), so black stays black.
 */
public final class Redactor {

    /** Rounding allowance when a box is drawn up to the page's edge. */
    private static final float EDGE_TOLERANCE = 1f;
    /** A word whose box shares more than this (points, both ways) with a redaction box is left out. */
    private static final float OVERLAP_TOLERANCE = 0.2f;

    private final RedactionSettings settings;
    private final DocumentWords words;

    public Redactor(RedactionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.words = new DocumentWords(settings);
    }

    /**
     * Reads the words itself (OCR for scanned pages with a box).
     *
     * @throws RedactionRefused when the file is not a PDF, is encrypted, a box is outside its page, or a page with a
     *                          box cannot be rendered
     */
    public RedactedPdf redact(byte[] pdf, List<PdfRect> boxes) {
        return redact(pdf, boxes, null);
    }

    /** The same with the words already read by {@link DocumentWords#read(byte[])} for this very file. */
    public RedactedPdf redact(byte[] pdf, List<PdfRect> boxes, List<PageText> pages) {
        Objects.requireNonNull(boxes, "boxes");
        try (PDDocument source = PdfFiles.open(pdf); PDDocument target = new PDDocument()) {
            int count = source.getNumberOfPages();
            checkBoxes(source, boxes);
            Map<Integer, List<PdfRect>> byPage = boxes.stream().collect(Collectors.groupingBy(PdfRect::page));
            List<PageText> text = pages != null ? pages : words.read(source, byPage::containsKey);
            if (text.size() != count) {
                throw new IllegalArgumentException("words of " + text.size() + " pages for a file of " + count);
            }
            PDFRenderer renderer = new PDFRenderer(source);
            TextLayerWriter writer = new TextLayerWriter(target);
            int rasterised = 0;
            int kept = 0;
            int removed = 0;
            for (int number = 1; number <= count; number++) {
                List<PdfRect> pageBoxes = byPage.get(number);
                if (pageBoxes == null) {
                    PageCleaner.copy(source.getPage(number - 1), target);
                    continue;
                }
                PageText page = text.get(number - 1);
                List<PageWord> remaining = new ArrayList<>();
                for (PageWord word : page.words()) {
                    if (pageBoxes.stream().anyMatch(box -> box.overlaps(word.box(), OVERLAP_TOLERANCE))) {
                        removed++;
                    } else {
                        remaining.add(word);
                    }
                }
                PDPage raster = rasterise(renderer, target, page, pageBoxes);
                try (PDPageContentStream content = new PDPageContentStream(target, raster,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    kept += writer.write(content, remaining, page.height());
                }
                rasterised++;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return new RedactedPdf(out.toByteArray(), count, rasterised, kept, removed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the redacted PDF", e);
        }
    }

    private void checkBoxes(PDDocument source, List<PdfRect> boxes) {
        int count = source.getNumberOfPages();
        for (PdfRect box : boxes) {
            if (box.page() > count) {
                throw RedactionRefused.noSuchPage(box.page(), count);
            }
            PageGeometry geometry = PageGeometry.of(source.getPage(box.page() - 1));
            geometry.checkRenderable(box.page(), settings.dpi());
            if (!box.within(geometry.displayedWidth(), geometry.displayedHeight(), EDGE_TOLERANCE)) {
                throw RedactionRefused.outsidePage(box, geometry.displayedWidth(), geometry.displayedHeight());
            }
        }
    }

    /** The page as an image with the boxes blacked out in its pixels, as a new page of the target. */
    private PDPage rasterise(PDFRenderer renderer, PDDocument target, PageText page, List<PdfRect> boxes)
            throws IOException {
        BufferedImage image;
        try {
            image = renderer.renderImageWithDPI(page.page() - 1, settings.dpi(), ImageType.RGB);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw RedactionRefused.unrenderable(page.page(), e.getClass().getSimpleName());
        }
        float scale = settings.dpi() / 72f;
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.BLACK);
            for (PdfRect box : boxes) {
                // Outwards to whole pixels, and one more: anti-aliased glyph edges must not peek out.
                int left = (int) Math.floor(box.x() * scale) - 1;
                int top = (int) Math.floor(box.y() * scale) - 1;
                int right = (int) Math.ceil(box.right() * scale) + 1;
                int bottom = (int) Math.ceil(box.bottom() * scale) + 1;
                graphics.fillRect(left, top, right - left, bottom - top);
            }
        } finally {
            graphics.dispose();
        }
        PDImageXObject xObject = PageImages.encode(target, image);
        PDPage raster = new PDPage(new PDRectangle(page.width(), page.height()));
        target.addPage(raster);
        try (PDPageContentStream content = new PDPageContentStream(target, raster)) {
            content.drawImage(xObject, 0, 0, page.width(), page.height());
        }
        return raster;
    }
}

package fr.lanterne.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** What Tika's output does not say about a PDF: whether it is complete, and which empty pages are images. */
final class PdfInspection {

    private static final int TAIL = 2048;

    private PdfInspection() {
    }

    /**
     * A complete PDF ends with {@code %%EOF} (a few bytes of padding may follow). PDFBox reads many truncated files
     * anyway by scanning for objects, so a readable file can still be incomplete.
     */
    static boolean hasEndMarker(Content content) throws IOException {
        String tail = new String(content.tail(TAIL), StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    /** Whether the file is a PDF that stops before its end (one that cannot be read counts as such). */
    static boolean truncated(DetectedType type, Content content) {
        if (type == null || !type.is("application/pdf")) {
            return false;
        }
        try {
            return !hasEndMarker(content);
        } catch (IOException e) {
            return true;
        }
    }

    /** Among the given pages (numbered from 1), those that draw an image: scans awaiting OCR, not blank pages. */
    static Set<Integer> pagesWithImages(Content content, Set<Integer> candidates) {
        Set<Integer> withImages = new TreeSet<>();
        try (PDDocument document = content.loadPdf()) {
            for (int number : candidates) {
                if (number <= document.getNumberOfPages()
                        && hasImage(document.getPage(number - 1).getResources(), 0)) {
                    withImages.add(number);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tika read the file, PDFBox alone does not: count every empty page as a possible scan rather than lose
            // one.
            return new TreeSet<>(candidates);
        }
        return withImages;
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 4) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}

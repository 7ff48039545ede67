package fr.lanterne.publish;

import java.util.List;
import java.util.Objects;

/**
 * The words of each page of a PDF with where they are drawn: from the text layer (PDFBox) for text pages, from
 * Tesseract (TSV output, one process per page with {@code OMP_THREAD_LIMIT=1} and a timeout) for scanned pages.
 * Pages are read one at a time.
 */
public final class DocumentWords {

    private final RedactionSettings settings;

    public DocumentWords(RedactionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Every page, in order.
     *
     * @throws RedactionRefused when the file is not a PDF or is encrypted
     */
    public List<PageText> read(byte[] pdf) {
        throw new UnsupportedOperationException("engine API first; body follows");
    }

    /** Whether scans are OCRed here (Tesseract installed with the languages, OCR enabled). */
    public boolean ocrAvailable() {
        throw new UnsupportedOperationException("engine API first; body follows");
    }
}

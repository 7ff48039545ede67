package fr.lanterne.publish;

import java.util.List;
import java.util.Objects;

/**
 * Writes a new PDF that holds nothing of what the boxes cover: each page with a box is rendered to an image at
 * {@link RedactionSettings#dpi()} with the boxes painted opaque black into its pixels, with an invisible text layer
 * (render mode NEITHER) rebuilt from the words no box overlaps; the other pages are copied without annotations or
 * metadata; the document information, XMP, form fields, attachments, JavaScript, open action, names tree and outline
 * are left behind. The original bytes are not changed. Pages are rendered one at a time.
 */
public final class Redactor {

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
        throw new UnsupportedOperationException("engine API first; body follows");
    }

    /** The same with the words already read by {@link DocumentWords#read(byte[])} for this very file. */
    public RedactedPdf redact(byte[] pdf, List<PdfRect> boxes, List<PageText> pages) {
        throw new UnsupportedOperationException("engine API first; body follows");
    }
}

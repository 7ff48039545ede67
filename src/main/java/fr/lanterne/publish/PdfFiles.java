package fr.lanterne.publish;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens the bytes of a PDF, or refuses them in French. */
final class PdfFiles {

    private PdfFiles() {
    }

    /** The document, never encrypted; the caller closes it. */
    static PDDocument open(byte[] pdf) {
        if (pdf == null || pdf.length < 5 || !startsWithPdfHeader(pdf)) {
            throw RedactionRefused.notAPdf();
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw RedactionRefused.encrypted();
        } catch (IOException | RuntimeException e) {
            throw RedactionRefused.notAPdf();
        }
        // Owner-password files open without a password but still carry their encryption: refused as well, since
        // what they may hold (and whether we may publish it rewritten) is not ours to guess.
        if (document.isEncrypted()) {
            close(document);
            throw RedactionRefused.encrypted();
        }
        if (document.getNumberOfPages() == 0) {
            close(document);
            throw RedactionRefused.notAPdf();
        }
        return document;
    }

    /** The header may follow up to 1 KiB of junk, as readers accept. */
    private static boolean startsWithPdfHeader(byte[] pdf) {
        int limit = Math.min(pdf.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (pdf[i] == '%' && pdf[i + 1] == 'P' && pdf[i + 2] == 'D' && pdf[i + 3] == 'F' && pdf[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // Closing an in-memory document releases memory only; nothing to report.
        }
    }
}

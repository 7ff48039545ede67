package fr.lanterne.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine renders and reads pages.
 *
 * @param dpi               resolution of the rasterised pages of the redacted PDF (at least 150)
 * @param ocrDpi            resolution of the page images given to Tesseract
 * @param ocrLanguages      Tesseract languages, such as {@code fra+eng}
 * @param ocrTimeoutPerPage how long Tesseract may read one page before it is stopped
 * @param ocrEnabled        whether scans are OCRed (when Tesseract is installed)
 * @param tesseract         the command to run
 */
public record RedactionSettings(int dpi, int ocrDpi, String ocrLanguages, Duration ocrTimeoutPerPage,
        boolean ocrEnabled, String tesseract) {

    public RedactionSettings {
        if (dpi < 150 || dpi > 600) {
            throw new IllegalArgumentException("redacted pages are rendered between 150 and 600 dpi, not " + dpi);
        }
        if (ocrDpi < 150 || ocrDpi > 600) {
            throw new IllegalArgumentException("pages are OCRed between 150 and 600 dpi, not " + ocrDpi);
        }
        Objects.requireNonNull(ocrLanguages, "ocrLanguages");
        Objects.requireNonNull(tesseract, "tesseract");
        if (ocrTimeoutPerPage.isNegative() || ocrTimeoutPerPage.isZero()) {
            throw new IllegalArgumentException("the OCR timeout must be positive");
        }
    }

    /** 150 dpi output, 300 dpi OCR in French and English, two minutes a page, the {@code tesseract} on the PATH. */
    public static RedactionSettings defaults() {
        return new RedactionSettings(150, 300, "fra+eng", Duration.ofMinutes(2), true, "tesseract");
    }

    public RedactionSettings withDpi(int newDpi) {
        return new RedactionSettings(newDpi, ocrDpi, ocrLanguages, ocrTimeoutPerPage, ocrEnabled, tesseract);
    }

    public RedactionSettings withOcrEnabled(boolean enabled) {
        return new RedactionSettings(dpi, ocrDpi, ocrLanguages, ocrTimeoutPerPage, enabled, tesseract);
    }

    public RedactionSettings withTesseract(String command) {
        return new RedactionSettings(dpi, ocrDpi, ocrLanguages, ocrTimeoutPerPage, ocrEnabled, command);
    }
}

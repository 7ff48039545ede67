package fr.lanterne.ingest;

import java.util.Objects;

/**
 * The text of one page, numbered from 1 as a reader would cite it. Formats without pages (a Word file, a text file, an
 * email body) have a single page; a spreadsheet has one page per sheet.
 *
 * @param number   the page number, from 1
 * @param text     the page's text (from its text layer, or from OCR)
 * @param ocred    whether the text comes from OCR
 * @param needsOcr whether the page is an image without text that OCR did not read (Tesseract missing, disabled or
 *                 over its limits)
 */
record Page(int number, String text, boolean ocred, boolean needsOcr) {

    public Page {
        if (number < 1) {
            throw new IllegalArgumentException("Page numbers start at 1: " + number);
        }
        Objects.requireNonNull(text, "text");
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}

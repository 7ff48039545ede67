package fr.lanterne.publish;

import java.util.Objects;

/** One word of a page, as read from its text layer or by OCR, with where it is drawn. */
public record PageWord(int page, String text, PdfRect box) {

    public PageWord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a word has at least one visible character");
        }
        if (box.page() != page) {
            throw new IllegalArgumentException("word on page " + page + " with its box on page " + box.page());
        }
    }
}

package fr.lanterne.ingest;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text and metadata read from one document.
 *
 * @param fileName the name the file came with
 * @param type     what the file is, from its content
 * @param metadata what the document says about itself
 * @param pages    its text, page by page (at least one page)
 * @param notices  remarks for the volunteer, in French (the extension lies, pages await OCR, the text was re-encoded…)
 */
record Extraction(String fileName, DetectedType type, DocumentMetadata metadata, List<Page> pages,
        List<String> notices) {

    public Extraction {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("An extraction has at least one page");
        }
        notices = List.copyOf(notices);
    }

    /**
     * The whole text, pages separated by a form feed (as pdftotext does), so that offsets can be mapped back to pages.
     */
    public String text() {
        return pages.stream().map(Page::text).collect(Collectors.joining("\f"));
    }

    public int characters() {
        return pages.stream().mapToInt(p -> p.text().length()).sum();
    }

    /** Whether some page is an image that OCR did not read: the document is stored but its text is incomplete. */
    public boolean needsOcr() {
        return pages.stream().anyMatch(Page::needsOcr);
    }

    public int ocredPages() {
        return (int) pages.stream().filter(Page::ocred).count();
    }

    /** The first pages, where a document's kind shows (title page, heading of a letter). */
    public List<Page> firstPages(int count) {
        return pages.subList(0, Math.min(count, pages.size()));
    }
}

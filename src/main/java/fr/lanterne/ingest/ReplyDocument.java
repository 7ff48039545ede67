package fr.lanterne.ingest;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One document of a reply, as the {@link StateAdvisor} sees it: its name, kind and text.
 *
 * @param name  its file name (or the email's subject), to cite it in the reason
 * @param kind  its kind
 * @param text  the text of its first pages ({@value #PAGES_READ} at most): a reply says what it gives or refuses in
 *              its letter and first pages, not on page 900 of a manual it attaches
 * @param pages its number of pages
 */
record ReplyDocument(String name, DocumentKind kind, String text, int pages) {

    public ReplyDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    static final int PAGES_READ = 10;

    public static ReplyDocument of(Extraction extraction, Classification classification) {
        return new ReplyDocument(extraction.fileName(), classification.kind(), extraction.pages().stream()
                .limit(PAGES_READ).map(Page::text).collect(Collectors.joining("\f")), extraction.pages().size());
    }
}

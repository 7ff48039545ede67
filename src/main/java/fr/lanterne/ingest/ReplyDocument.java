package fr.lanterne.ingest;

import java.util.Objects;

/**
 * One document of a reply, as the {@link StateAdvisor} sees it: its name, kind and text.
 *
 * @param name  its file name (or the email's subject), to cite it in the reason
 * @param kind  its kind
 * @param text  its text
 * @param pages its number of pages
 */
public record ReplyDocument(String name, DocumentKind kind, String text, int pages) {

    public ReplyDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static ReplyDocument of(Extraction extraction, Classification classification) {
        return new ReplyDocument(extraction.fileName(), classification.kind(), extraction.text(),
                extraction.pages().size());
    }
}

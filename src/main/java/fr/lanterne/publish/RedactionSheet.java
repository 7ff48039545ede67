package fr.lanterne.publish;

import java.util.List;

/**
 * Everything decided about what a document occults: the proposals and the boxes drawn, with their decisions, and its
 * publication.
 *
 * @param pages       each page's displayed size in points (boxes are drawn on it, origin at the top left)
 * @param publication null while it was never published nor submitted for review
 */
public record RedactionSheet(String sha256, List<PageSize> pages, List<Redaction> redactions, int pending,
        int accepted, int rejected, PublicationState publication) {

    public RedactionSheet {
        pages = List.copyOf(pages);
        redactions = List.copyOf(redactions);
    }

    /** @param page 1-based */
    public record PageSize(int page, float width, float height) {
    }
}

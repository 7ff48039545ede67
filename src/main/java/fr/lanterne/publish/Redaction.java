package fr.lanterne.publish;

import java.time.Instant;
import java.util.List;

/**
 * One thing to occult in a document: a proposal Lanterne made, or a box a volunteer drew, with the decision on it.
 *
 * @param source    {@code PROPOSAL} or {@code MANUAL}
 * @param kind      what a proposal found (null for a box drawn by hand)
 * @param text      the words it covers, as read
 * @param page      the page of its first box
 * @param box       its first box (a proposal spanning lines has one box per line, in {@code boxes})
 * @param decidedBy null while pending
 */
public record Redaction(long id, String source, ProposalKind kind, String text, int page, PdfRect box,
        List<PdfRect> boxes, RedactionStatus status, String decidedBy, Instant decidedAt) {

    public static final String PROPOSAL = "PROPOSAL";
    public static final String MANUAL = "MANUAL";

    public Redaction {
        boxes = List.copyOf(boxes);
    }
}

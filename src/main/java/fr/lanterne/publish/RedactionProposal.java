package fr.lanterne.publish;

import java.util.List;
import java.util.Objects;

/**
 * Something Lanterne proposes to occult: what it found, and the boxes that cover it (one per line it spans).
 *
 * @param text the words covered, as read (for a signature, a description such as "signature manuscrite")
 */
public record RedactionProposal(ProposalKind kind, String text, List<PdfRect> boxes) {

    public RedactionProposal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        boxes = List.copyOf(boxes);
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("a proposal covers at least one box");
        }
    }

    /** The page of its first box. */
    public int page() {
        return boxes.get(0).page();
    }
}

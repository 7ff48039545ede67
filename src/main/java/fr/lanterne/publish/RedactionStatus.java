package fr.lanterne.publish;

/** Where a volunteer stands on one thing to occult. */
public enum RedactionStatus {
    /** Proposed by Lanterne, not decided yet: the document cannot be published. */
    PENDING,
    /** Occulted in the published version. */
    ACCEPTED,
    /** Left as it is. */
    REJECTED
}

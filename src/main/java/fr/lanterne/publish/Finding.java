package fr.lanterne.publish;

/** What a detector found: a stretch {@code [start, end)} of a {@link PageIndex}'s text. */
record Finding(ProposalKind kind, int start, int end) {

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}

package fr.lanterne.publish;

import java.time.Instant;

/**
 * How a document is published, or waits to be.
 *
 * @param asReceived     published as received: a volunteer declared it has nothing to occult
 * @param versionId      the redacted version published (null when as received)
 * @param redactedSha256 its file's SHA-256 (null when as received)
 * @param approvedBy     who gave the second look, when {@code lanterne.publication.review-required}; else the
 *                       volunteer who published
 */
public record PublicationState(String sha256, Status status, boolean asReceived, Long versionId,
        String redactedSha256, String requestedBy, Instant requestedAt, String approvedBy, Instant approvedAt) {

    public enum Status {
        /** Another volunteer than the one who asked must approve it. */
        AWAITING_REVIEW,
        /** Visitors read it in public mode. */
        PUBLISHED
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}

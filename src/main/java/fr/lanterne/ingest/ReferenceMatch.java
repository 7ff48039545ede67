package fr.lanterne.ingest;

import java.util.Objects;

/**
 * A request reference found in a received email or document, and where it was found.
 *
 * @param reference the reference, as {@code LNT-2026-000123}
 * @param foundIn   where: the more reliable places come first
 */
record ReferenceMatch(String reference, Where foundIn) {

    /** Where a reference was found, most reliable first. */
    public enum Where {
        /** The plus-address Lanterne sent the request from ({@code demandes+LNT-2026-000123@…}), replied to. */
        REPLY_ADDRESS,
        SUBJECT,
        BODY,
        DOCUMENT
    }

    public ReferenceMatch {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(foundIn, "foundIn");
        if (!ReferenceFinder.isReference(reference)) {
            throw new IllegalArgumentException("Not a request reference: " + reference);
        }
    }
}

package fr.lanterne.ingest;

import java.util.Objects;

/**
 * What the documents of a reply suggest about its request, and why, in French. Only a suggestion: a volunteer reads
 * the documents and confirms.
 */
record StateSuggestion(SuggestedState state, String reason) {

    public StateSuggestion {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}

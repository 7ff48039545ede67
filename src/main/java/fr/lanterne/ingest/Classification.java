package fr.lanterne.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kind a document was given, with why: a volunteer can correct it.
 *
 * @param kind   the kind with the highest score, or OTHER when no kind scored enough
 * @param score  that kind's score
 * @param scores every kind's score
 * @param cues   the phrases that counted for the chosen kind, as found (folded: lower case, no accents)
 */
record Classification(DocumentKind kind, int score, Map<DocumentKind, Integer> scores, List<String> cues) {

    public Classification {
        Objects.requireNonNull(kind, "kind");
        scores = Map.copyOf(scores);
        cues = List.copyOf(cues);
    }
}

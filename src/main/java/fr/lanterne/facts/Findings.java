package fr.lanterne.facts;

import java.util.ArrayList;
import java.util.List;

/** What the finders found in one page, and how many identifiers they set aside because their key was wrong. */
final class Findings {

    private final List<Found> found = new ArrayList<>();
    private int invalidKeys;

    void add(Found fact) {
        found.add(fact);
    }

    void invalidKey() {
        invalidKeys++;
    }

    List<Found> found() {
        return found;
    }

    int invalidKeys() {
        return invalidKeys;
    }

    /** Whether a fact found earlier covers this offset (two finders reading the same digits). */
    boolean covers(int offset) {
        return found.stream().anyMatch(f -> f.start() <= offset && offset < f.end());
    }
}

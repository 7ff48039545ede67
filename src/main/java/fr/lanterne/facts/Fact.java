package fr.lanterne.facts;

import java.util.Objects;

/**
 * A fact read in a document, with where to cite it.
 *
 * @param id        its number, for confirming it into a deployment
 * @param value     normalised as its kind says
 * @param unit      the unit of an amount, a duration or a count, or null
 * @param qualifier what the sentence says about it (a date's role, an amount's lot), or null
 * @param page      the page it is on, from 1
 * @param passage   the sentence around it, as written
 * @param confirmedInto the deployment a volunteer confirmed it into, or null
 */
public record Fact(long id, FactKind kind, String value, String unit, String qualifier, int page, String passage,
                   Long confirmedInto) {

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (page < 1) {
            throw new IllegalArgumentException("A page is numbered from 1: " + page);
        }
    }
}

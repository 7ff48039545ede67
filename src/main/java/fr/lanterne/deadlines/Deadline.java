package fr.lanterne.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One step of the chain. {@code earliest} and {@code latest} are equal unless readings of the law disagree: then
 * {@code earliest} is the date that is safe under every reading (act by it) and {@code latest} the most generous one,
 * and the explanation names each reading. Every computed date rests on at least one {@link LegalBasis}; a recorded
 * fact may have none. {@code opposable} says, for a deadline to act, whether it can be held against the requester:
 * true when the acknowledgement of receipt or the refusal stated the remedies and time limits, false when it did not
 * (then a reasonable delay applies instead, see {@link RemedyRule}), null when nobody has said or for other steps.
 */
public record Deadline(DeadlineStep step, String name, DeadlineKind kind, LocalDate earliest, LocalDate latest,
        List<LegalBasis> basis, String explanation, Boolean opposable) {

    public Deadline {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(basis, "basis");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A step needs a name");
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException(step + ": latest " + latest + " is before earliest " + earliest);
        }
        if (basis.isEmpty() && kind != DeadlineKind.FACT) {
            throw new IllegalArgumentException(step + ": every computed date needs its legal basis");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException(step + ": every date needs an explanation");
        }
        if (opposable != null && kind != DeadlineKind.ACTION_DEADLINE) {
            throw new IllegalArgumentException(step + ": only a deadline to act can be opposable or not");
        }
        basis = List.copyOf(basis);
    }

    public Deadline(DeadlineStep step, String name, DeadlineKind kind, LocalDate earliest, LocalDate latest,
            List<LegalBasis> basis, String explanation) {
        this(step, name, kind, earliest, latest, basis, explanation, null);
    }

    /** A deadline to act named by its usual label, opposable or not to the requester. */
    public Deadline(DeadlineStep step, DeadlineKind kind, LocalDate earliest, LocalDate latest, List<LegalBasis> basis,
            String explanation, Boolean opposable) {
        this(step, step.label(), kind, earliest, latest, basis, explanation, opposable);
    }

    /** A step named by its usual label. */
    public Deadline(DeadlineStep step, DeadlineKind kind, LocalDate earliest, LocalDate latest, List<LegalBasis> basis,
            String explanation) {
        this(step, step.label(), kind, earliest, latest, basis, explanation);
    }

    /** Whether sources disagree on this date. */
    public boolean disputed() {
        return !earliest.equals(latest);
    }
}

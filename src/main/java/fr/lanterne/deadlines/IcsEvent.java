package fr.lanterne.deadlines;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One all-day event of a calendar feed. The UID must stay the same from one export to the next, so that a calendar
 * app updates the event when a date moves instead of adding a second one: build it with {@link #stableUid}.
 */
public record IcsEvent(String uid, LocalDate date, String summary, String description) {

    public IcsEvent {
        Objects.requireNonNull(date, "date");
        if (uid == null || uid.isBlank() || uid.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An event needs a one-line UID: " + uid);
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("An event needs a summary");
        }
        description = description == null ? "" : description;
    }

    /** A UID derived from what identifies the event (a request's reference, a step), the same on every export. */
    public static String stableUid(String... parts) {
        String key = String.join("\u001f", parts);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "@lanterne";
    }

    /**
     * The event for one step of a request's chain, on the date that is safe under every reading; the description
     * gives the explanation, the legal basis and, when readings disagree, the most generous date.
     */
    public static IcsEvent forDeadline(String requestKey, String requestTitle, Deadline deadline) {
        StringBuilder description = new StringBuilder(deadline.explanation());
        if (deadline.disputed()) {
            description.append("\nDate la plus favorable : ").append(FrenchDates.format(deadline.latest())).append('.');
        }
        if (!deadline.basis().isEmpty()) {
            description.append("\nBase légale : ").append(deadline.basis().stream().map(LegalBasis::article)
                    .collect(Collectors.joining(", "))).append('.');
        }
        return new IcsEvent(stableUid(requestKey, deadline.step().name()), deadline.earliest(),
                deadline.name() + " — " + requestTitle, description.toString());
    }
}

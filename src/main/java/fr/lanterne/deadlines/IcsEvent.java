package fr.lanterne.deadlines;

import fr.lanterne.shared.FrenchDates;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One all-day event of a calendar feed. The UID must stay the same from one export to the next, so that a calendar
 * app updates the event when a date moves instead of adding a second one: build it with {@link #stableUid}.
 */
record IcsEvent(String uid, LocalDate date, String summary, String description) {

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
     * The event for one step of a request's chain, on the date that is safe under every reading: its title names the
     * town first ("Nice : refus implicite de la demande LNT-2026-000123"), as a calendar shows titles cut short; the
     * description gives the explanation, the legal basis and, when readings disagree, the most generous date.
     *
     * @param place the town (or the authority) the request went to
     * @param detail a line put first in the description (the letter's subject), or null
     */
    public static IcsEvent forDeadline(String requestKey, String place, String reference, String detail,
                                       Deadline deadline) {
        StringBuilder description = new StringBuilder();
        if (detail != null && !detail.isBlank()) {
            description.append(detail).append('\n');
        }
        description.append(deadline.explanation());
        if (deadline.disputed()) {
            description.append("\nDate la plus favorable : ").append(FrenchDates.withWeekday(deadline.latest())).append('.');
        }
        if (!deadline.basis().isEmpty()) {
            description.append("\nBase légale : ").append(deadline.basis().stream().map(LegalBasis::article)
                    .collect(Collectors.joining(", "))).append('.');
        }
        return new IcsEvent(stableUid(requestKey, deadline.step().name()), deadline.earliest(),
                summary(place, reference, deadline), description.toString());
    }

    /** "Nice : refus implicite de la demande LNT-…", "Nice : date limite de saisine de la CADA pour la demande LNT-…". */
    static String summary(String place, String reference, Deadline deadline) {
        String name = deadline.name();
        String step = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
        String of = deadline.kind() == DeadlineKind.ACTION_DEADLINE ? " pour la demande " : " de la demande ";
        return (place == null || place.isBlank() ? "" : place.strip() + " : ") + step + of + reference;
    }
}

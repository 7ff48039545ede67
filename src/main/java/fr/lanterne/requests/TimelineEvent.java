package fr.lanterne.requests;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated entry of a request's timeline.
 *
 * @param recordedAt when Lanterne recorded it
 * @param date the date the event happened in law (a receipt date, a refusal date), when it has one
 * @param actor who did it: a username, "cli:…", or "lanterne" for the application itself
 */
public record TimelineEvent(Instant recordedAt, LocalDate date, EventType type, String actor, String detail) {
}

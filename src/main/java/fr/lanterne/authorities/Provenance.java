package fr.lanterne.authorities;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where and when a piece of contact data was found.
 *
 * @param reference the file, directory entry or person it came from
 * @param sourceDate the date of the data itself (the directory's last modification), when known
 * @param recordedAt when Lanterne recorded it
 */
public record Provenance(ContactSource source, String reference, LocalDate sourceDate, Instant recordedAt,
                         String recordedBy) {
}

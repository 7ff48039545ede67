package fr.lanterne.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What documents a deployment: a web page, a quotation, a document obtained through a request.
 *
 * @param documentSha256 the SHA-256 of a document stored by Lanterne, when the source is one
 * @param seenOn when the source was read
 */
public record Source(long id, String url, String title, String quote, String documentSha256, LocalDate seenOn,
                     Instant addedAt, String addedBy) {
}

package fr.lanterne.requests;

import fr.lanterne.shared.Paris;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as people and other modules see it: where it stands, its dates and its timeline.
 *
 * @param departement the authority's département, whose public holidays extend its deadlines
 * @param remedies whether the acknowledgement of receipt and the refusal stated the remedies and their time limits
 *                 (CRPA L112-6, R112-5; CJA R421-5)
 * @param letterFile the letter as sent, relative to the data directory
 */
public record RequestDetails(RequestReference reference, RequestStatus status, String statusLabel, Channel channel,
                             String authorityCode, String authorityName, String communeInsee, String departement,
                             String template, Long campaignId, String owner, Instant createdAt, Instant sentAt,
                             LegalDates dates, String receiptEvidence, RemedyMentions remedies,
                             String letterFile, int sendAttempts, Instant nextAttemptAt, String lastError,
                             int version, List<TimelineEvent> timeline) {

    /** The day the request left (email accepted by the server, or letter posted), in French time. */
    public LocalDate sentOn() {
        return sentAt == null ? null : sentAt.atZone(Paris.ZONE).toLocalDate();
    }
}

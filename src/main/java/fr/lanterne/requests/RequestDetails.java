package fr.lanterne.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as people and other modules see it: where it stands, its dates and its timeline.
 *
 * @param departement the authority's département, whose public holidays extend its deadlines
 * @param letterFile the letter as sent, relative to the data directory
 */
public record RequestDetails(String reference, RequestStatus status, String statusLabel, Channel channel,
                             String authorityCode, String authorityName, String communeInsee, String departement,
                             String template, Long campaignId, String owner, Instant createdAt, Instant sentAt,
                             LocalDate receivedOn, String receiptEvidence, LocalDate answeredOn,
                             LocalDate partialAnswerOn, LocalDate refusedOn, LocalDate implicitRefusalOn,
                             LocalDate cadaReferredOn, LocalDate cadaRegisteredOn, LocalDate cadaOpinionOn,
                             LocalDate confirmedRefusalOn, LocalDate courtOn, LocalDate withdrawnOn,
                             String letterFile, int sendAttempts, Instant nextAttemptAt, String lastError,
                             int version, List<TimelineEvent> timeline, Boolean remediesMentioned) {

    /** A request whose remedies flag nobody has set. */
    public RequestDetails(String reference, RequestStatus status, String statusLabel, Channel channel,
                          String authorityCode, String authorityName, String communeInsee, String departement,
                          String template, Long campaignId, String owner, Instant createdAt, Instant sentAt,
                          LocalDate receivedOn, String receiptEvidence, LocalDate answeredOn,
                          LocalDate partialAnswerOn, LocalDate refusedOn, LocalDate implicitRefusalOn,
                          LocalDate cadaReferredOn, LocalDate cadaRegisteredOn, LocalDate cadaOpinionOn,
                          LocalDate confirmedRefusalOn, LocalDate courtOn, LocalDate withdrawnOn,
                          String letterFile, int sendAttempts, Instant nextAttemptAt, String lastError,
                          int version, List<TimelineEvent> timeline) {
        this(reference, status, statusLabel, channel, authorityCode, authorityName, communeInsee, departement,
                template, campaignId, owner, createdAt, sentAt, receivedOn, receiptEvidence, answeredOn,
                partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn, cadaRegisteredOn, cadaOpinionOn,
                confirmedRefusalOn, courtOn, withdrawnOn, letterFile, sendAttempts, nextAttemptAt, lastError, version,
                timeline, null);
    }

    /** The day the request left (email accepted by the server, or letter posted), in French time. */
    public LocalDate sentOn() {
        return sentAt == null ? null : sentAt.atZone(Request.PARIS).toLocalDate();
    }
}

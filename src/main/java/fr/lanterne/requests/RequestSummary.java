package fr.lanterne.requests;

import java.time.Instant;
import java.time.LocalDate;

/** A request in a list: what a person needs to see at a glance. */
public record RequestSummary(RequestReference reference, RequestStatus status, String statusLabel, Channel channel,
                             String authorityCode, String authorityName, String template, Long campaignId,
                             String owner, Instant createdAt, LocalDate sentOn, LocalDate receivedOn,
                             String departement) {
}

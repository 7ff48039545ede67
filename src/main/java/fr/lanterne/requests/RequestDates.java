package fr.lanterne.requests;

import java.time.LocalDate;

/**
 * What the legal calendar needs of an open request, read in bulk by the nightly job (no timeline, no names).
 *
 * @param departement of the authority: its public holidays extend the deadlines
 */
public record RequestDates(long id, String reference, RequestStatus status, String owner, String template,
                           Long campaignId, long authorityId, String departement, LocalDate sentOn,
                           LocalDate receivedOn, LocalDate answeredOn, LocalDate partialAnswerOn, LocalDate refusedOn,
                           LocalDate implicitRefusalOn, LocalDate cadaReferredOn, LocalDate cadaRegisteredOn,
                           LocalDate cadaOpinionOn, LocalDate confirmedRefusalOn, LocalDate withdrawnOn) {
}

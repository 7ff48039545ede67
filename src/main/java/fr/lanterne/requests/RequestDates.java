package fr.lanterne.requests;

import java.time.LocalDate;

/**
 * What the legal calendar needs of an open request, read in bulk by the nightly job (no timeline, no names): the
 * same facts as the request's page, so that the night's notices and the calendar feed say what the page says.
 *
 * @param departement of the authority: its public holidays extend the deadlines
 * @param remedies whether the acknowledgement of receipt and the refusal stated the remedies and their time limits
 *                 (CRPA L112-6, R112-5; CJA R421-5)
 */
public record RequestDates(long id, RequestReference reference, RequestStatus status, String owner, String template,
                           Long campaignId, long authorityId, String departement, LocalDate sentOn,
                           LegalDates dates, RemedyMentions remedies) {
}

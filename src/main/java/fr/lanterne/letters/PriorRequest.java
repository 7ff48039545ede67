package fr.lanterne.letters;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The request a reminder or a CADA referral is about.
 *
 * @param templateId the request template it was written with: its list of documents is repeated
 * @param sentOn the date of the request letter
 * @param receivedOn when the authority received it (acknowledgement, registered-mail receipt), null if unknown
 * @param refusalDate for a reminder, the day the implicit refusal will arise; for a referral, the day the implicit
 *                    refusal arose or the date of the express refusal; null only for a series information letter to
 *                    an administration of the series that did not refuse (CRPA L342-1 informs them all)
 * @param implicitRefusal true for silence (CRPA R*311-12), false for an express refusal
 * @param referralDeadline for a referral, the last day it is in time under every reading (CRPA R343-1), or null if
 *                         nobody computed it: the letter then says it is in time only when this is known
 */
public record PriorRequest(String templateId, LocalDate sentOn, LocalDate receivedOn, LocalDate refusalDate,
                           boolean implicitRefusal, LocalDate referralDeadline) {

    public PriorRequest {
        templateId = Text.line(templateId, "modèle de la demande initiale", 60);
        Objects.requireNonNull(sentOn, "sentOn");
        if (receivedOn != null && receivedOn.isBefore(sentOn)) {
            throw new InvalidInputException("La date de réception (" + FrenchDates.format(receivedOn)
                    + ") précède la date d'envoi de la demande (" + FrenchDates.format(sentOn) + ").");
        }
        LocalDate start = receivedOn != null ? receivedOn : sentOn;
        if (refusalDate != null && refusalDate.isBefore(start)) {
            throw new InvalidInputException("La date du refus (" + FrenchDates.format(refusalDate)
                    + ") précède la " + (receivedOn != null ? "réception" : "date d'envoi") + " de la demande ("
                    + FrenchDates.format(start) + ").");
        }
    }

    /** A request that got no answer: the refusal is implicit. */
    public static PriorRequest unanswered(String templateId, LocalDate sentOn, LocalDate receivedOn,
                                          LocalDate implicitRefusalDate) {
        return new PriorRequest(templateId, sentOn, receivedOn, implicitRefusalDate, true, null);
    }

    /** A request the authority refused in writing on {@code refusalDate}. */
    public static PriorRequest refused(String templateId, LocalDate sentOn, LocalDate receivedOn,
                                       LocalDate refusalDate) {
        return new PriorRequest(templateId, sentOn, receivedOn, refusalDate, false, null);
    }

    /**
     * A request of a series that was not refused (answered, withdrawn, or still within its month): only a series
     * information letter is written about it.
     */
    public static PriorRequest notRefused(String templateId, LocalDate sentOn, LocalDate receivedOn) {
        return new PriorRequest(templateId, sentOn, receivedOn, null, false, null);
    }

    /** The same request, with the safe deadline for referring it to the CADA (the earliest date of its window). */
    public PriorRequest withReferralDeadline(LocalDate deadline) {
        return new PriorRequest(templateId, sentOn, receivedOn, refusalDate, implicitRefusal, deadline);
    }

    /** Whether a referral dated {@code date} is known to be within the two months of CRPA R343-1. */
    public boolean referralInTimeOn(LocalDate date) {
        return referralDeadline != null && !date.isAfter(referralDeadline);
    }
}

package fr.lanterne.letters;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One request of a series referred to the CADA at once. CRPA R343-3-1, third paragraph (checked against the code's
 * text as mirrored from Légifrance in github.com/francois76/legifrance, December 2026): « le demandeur précise en
 * outre, pour chaque administration qu'il a saisie, le nom de celle-ci, son adresse électronique ou à défaut postale,
 * la date à laquelle il l'a saisie d'une demande de communication et, le cas échéant, la date de notification du
 * refus de communication », the referral coming with proof that at least one of them refused.
 *
 * <p>L342-1 has the requester identify to the CADA every request of the series, not only the refusals it refers: an
 * entry is either one of the refusals referred (no {@code state}), or another request of the series with its state
 * in words ("communication obtenue le 3 octobre 2026", "déjà soumise à la Commission le …").
 *
 * @param contact the authority's email, or its postal address (lines are joined with ", ")
 * @param receivedOn null if unknown
 * @param refusalDate required for a refusal referred; null for another request of the series
 * @param state null for a refusal referred; else what became of the request, in French
 */
public record SeriesEntry(String reference, String authorityName, String contact, LocalDate sentOn,
                          LocalDate receivedOn, LocalDate refusalDate, boolean implicitRefusal, String state) {

    /** A refusal referred by the series referral. */
    public SeriesEntry(String reference, String authorityName, String contact, LocalDate sentOn,
                       LocalDate receivedOn, LocalDate refusalDate, boolean implicitRefusal) {
        this(reference, authorityName, contact, sentOn, receivedOn, refusalDate, implicitRefusal, null);
    }

    public SeriesEntry {
        reference = Text.line(reference, "référence de la demande", 40);
        authorityName = Text.line(authorityName, "nom de l'organisme", 120);
        String address = Text.address(contact, "courriel ou adresse de " + authorityName, 6);
        if (address == null) {
            throw new InvalidInputException("Il faut le courriel ou l'adresse postale de « " + authorityName
                    + " » pour la saisine en série (article R343-3-1 du CRPA).");
        }
        contact = address.replace("\n", ", ");
        Objects.requireNonNull(sentOn, "sentOn");
        state = Text.optionalLine(state, "état de la demande à " + authorityName, 200);
        if (state == null) {
            Objects.requireNonNull(refusalDate, "refusalDate");
        }
        if (refusalDate != null && refusalDate.isBefore(sentOn) || receivedOn != null && receivedOn.isBefore(sentOn)) {
            throw new InvalidInputException("Les dates de la demande à « " + authorityName
                    + " » ne se suivent pas : envoi, puis réception, puis refus.");
        }
    }

    /** Whether this request's refusal is the object of the referral (rather than another request of the series). */
    public boolean referred() {
        return state == null;
    }

    /** What the series referral says of this request: its refusal, or its state. */
    public String stateText() {
        if (state != null) {
            return state;
        }
        return (implicitRefusal ? "refus implicite né le " : "refus exprès du ") + FrenchDates.format(refusalDate)
                + ", non encore soumis à la Commission";
    }

    /** Another request of the series, to {@code authority}, in the state {@code state}. */
    public static SeriesEntry other(String reference, Addressee authority, LocalDate sentOn, LocalDate receivedOn,
                                    String state) {
        return new SeriesEntry(reference, authority.name(),
                authority.email() != null ? authority.email() : authority.postalAddress(), sentOn, receivedOn, null,
                false, Objects.requireNonNull(state, "state"));
    }

    /** The entry for a request to {@code authority}, with its email if it has one, else its postal address. */
    public static SeriesEntry of(String reference, Addressee authority, PriorRequest request) {
        return new SeriesEntry(reference, authority.name(),
                authority.email() != null ? authority.email() : authority.postalAddress(),
                request.sentOn(), request.receivedOn(), request.refusalDate(), request.implicitRefusal());
    }
}

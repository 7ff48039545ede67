package fr.lanterne.letters;

import fr.lanterne.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One request of a series referred to the CADA at once (CRPA R343-3-1: for each authority its name, its email or
 * postal address, the date of the request and that of the refusal).
 *
 * @param contact the authority's email, or its postal address (lines are joined with ", ")
 * @param receivedOn null if unknown
 */
public record SeriesEntry(String reference, String authorityName, String contact, LocalDate sentOn,
                          LocalDate receivedOn, LocalDate refusalDate, boolean implicitRefusal) {

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
        Objects.requireNonNull(refusalDate, "refusalDate");
        if (refusalDate.isBefore(sentOn) || receivedOn != null && receivedOn.isBefore(sentOn)) {
            throw new InvalidInputException("Les dates de la demande à « " + authorityName
                    + " » ne se suivent pas : envoi, puis réception, puis refus.");
        }
    }

    /** The entry for a request to {@code authority}, with its email if it has one, else its postal address. */
    public static SeriesEntry of(String reference, Addressee authority, PriorRequest request) {
        return new SeriesEntry(reference, authority.name(),
                authority.email() != null ? authority.email() : authority.postalAddress(),
                request.sentOn(), request.receivedOn(), request.refusalDate(), request.implicitRefusal());
    }
}

package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What varies from one letter to the next. Which parts a template needs depends on its kind: a request needs the
 * authority; a reminder or a referral also the prior request; a series referral the series (the authority may then
 * be null). Missing parts are reported when the letter is composed, naming the placeholder that needs them.
 *
 * @param date the date written on the letter
 * @param place where the letter is written ("Nice" in "Nice, le 28 novembre 2026")
 */
public record LetterContext(Requester requester, Addressee authority, String reference, LocalDate date, String place,
                            PriorRequest priorRequest, Series series) {

    public LetterContext {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(date, "date");
        reference = Text.line(reference, "référence", 40);
        if (reference.indexOf(' ') >= 0) {
            throw new InvalidInputException("La référence « " + reference + " » ne doit pas contenir d'espace.");
        }
        place = Text.line(place, "lieu", 80);
    }

    /** The context of a first request to {@code authority}. */
    public static LetterContext request(Requester requester, Addressee authority, String reference, LocalDate date,
                                        String place) {
        return new LetterContext(requester, authority, reference, date, place, null, null);
    }

    /** The context of a referral of {@code series} to the CADA: no single authority. */
    public static LetterContext series(Requester requester, Series series, String reference, LocalDate date,
                                       String place) {
        return new LetterContext(requester, null, reference, date, place, null, series);
    }

    /** The same letter about an earlier request (for a reminder or a referral). */
    public LetterContext about(PriorRequest request) {
        return new LetterContext(requester, authority, reference, date, place, request, series);
    }

    /** The same letter about a series of requests (for a series referral). */
    public LetterContext about(Series requests) {
        return new LetterContext(requester, authority, reference, date, place, priorRequest, requests);
    }
}

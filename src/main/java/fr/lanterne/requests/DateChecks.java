package fr.lanterne.requests;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.FrenchDates;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a date recorded on a request must respect: it has already happened, and it does not come before the request
 * reached the authority (or left, while its receipt is unknown). Each refusal says which date is wrong and why.
 */
final class DateChecks {

    private DateChecks() {
    }

    static void notFuture(LocalDate date, LocalDate today, String what) {
        if (date == null) {
            throw new InvalidInputException(what + " est obligatoire.", Map.of("field", "date"));
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(what + " (" + FrenchDates.format(date)
                    + ") est dans le futur : on ne peut enregistrer que ce qui a déjà eu lieu (nous sommes le "
                    + FrenchDates.format(today) + ").", Map.of("field", "date"));
        }
    }

    /** What the authority or the CADA did: not before receipt, or before sending while receipt is unknown. */
    static void afterSending(LocalDate date, LocalDate receivedOn, LocalDate sentOn, LocalDate today, String what) {
        notFuture(date, today, what);
        LocalDate earliest = receivedOn != null ? receivedOn : sentOn;
        if (earliest != null && date.isBefore(earliest)) {
            throw new InvalidInputException(what + " (" + FrenchDates.format(date) + ") précède la "
                    + (receivedOn != null ? "réception" : "date d'envoi") + " de la demande ("
                    + FrenchDates.format(earliest)
                    + ") : vérifiez la date.", Map.of("field", "date"));
        }
    }

    static void receipt(LocalDate date, LocalDate sentOn, LocalDate today) {
        notFuture(date, today, "La date de réception");
        if (sentOn != null && date.isBefore(sentOn)) {
            throw new InvalidInputException("La date de réception (" + FrenchDates.format(date)
                    + ") précède la date d'envoi ("
                    + FrenchDates.format(sentOn) + ") : une demande ne peut pas être reçue avant d'avoir été envoyée.",
                    Map.of("field", "received", "sent", sentOn.toString()));
        }
    }

    /**
     * A transmission (CRPA L311-2) goes to another authority than the one holding the request; the new authority's
     * receipt, when known, comes after the transmission and not in the future.
     */
    static void transmission(Transmission transmission, RequestReference reference, long heldBy, LocalDate today) {
        if (transmission.authorityId() == heldBy) {
            throw new InvalidInputException("La demande " + reference + " est déjà adressée à « "
                    + transmission.authorityName() + " » : indiquez l'administration à laquelle elle a été transmise.",
                    Map.of("field", "authority"));
        }
        LocalDate received = transmission.receivedOn();
        if (received == null) {
            return;
        }
        notFuture(received, today, "La date de réception par la nouvelle administration");
        if (received.isBefore(transmission.date())) {
            throw new InvalidInputException("La date de réception par « " + transmission.authorityName() + " » ("
                    + FrenchDates.format(received) + ") précède celle de la transmission ("
                    + FrenchDates.format(transmission.date())
                    + ") : vérifiez les deux dates.", Map.of("field", "received"));
        }
    }

    /** A request can be withdrawn before it goes: then not before it was written. */
    static void withdrawal(LocalDate date, LocalDate sentOn, LocalDate createdOn, LocalDate today) {
        notFuture(date, today, "La date du retrait");
        LocalDate earliest = sentOn != null ? sentOn : createdOn;
        if (date.isBefore(earliest)) {
            throw new InvalidInputException("La date du retrait (" + FrenchDates.format(date) + ") précède "
                    + (sentOn != null ? "l'envoi" : "la création") + " de la demande (" + FrenchDates.format(earliest)
                    + ") : vérifiez la date.", Map.of("field", "date"));
        }
    }
}

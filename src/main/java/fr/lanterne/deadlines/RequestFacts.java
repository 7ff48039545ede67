package fr.lanterne.deadlines;

import fr.lanterne.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one request, as the volunteer recorded it. Only {@code received} and {@code departement} are
 * required; every other date is null until it happens. Dates of answers and refusals are the dates the applicant
 * received them (their notification), which is what the CRPA counts from.
 *
 * @param departement       where the authority is: its public holidays extend the deadlines
 * @param sent              when the request was sent (optional, only checked against {@code received})
 * @param received          when the authority received the request: the clock starts here (CRPA R311-13)
 * @param partialAnswer     when a partial answer arrived (some documents, the rest refused or ignored)
 * @param expressRefusal    when a written refusal arrived, before any referral to the CADA
 * @param cadaRegistered    when the CADA registered the referral (its acknowledgement says so)
 * @param cadaOpinion       when the CADA's opinion arrived
 * @param confirmedRefusal  when a written refusal arrived after the referral to the CADA
 * @param fullAnswer        when all the documents asked for arrived: the chain ends
 * @param withdrawn         when the applicant withdrew the request: the chain ends
 * @param remediesMentioned whether the acknowledgement of receipt (or the refusal) stated the remedies and their
 *                          deadlines (CRPA L112-6, CJA R421-5); null while nobody has said
 */
public record RequestFacts(Departement departement, LocalDate sent, LocalDate received, LocalDate partialAnswer,
        LocalDate expressRefusal, LocalDate cadaRegistered, LocalDate cadaOpinion, LocalDate confirmedRefusal,
        LocalDate fullAnswer, LocalDate withdrawn, Boolean remediesMentioned) {

    /** The facts without the remedies flag: unknown. */
    public RequestFacts(Departement departement, LocalDate sent, LocalDate received, LocalDate partialAnswer,
            LocalDate expressRefusal, LocalDate cadaRegistered, LocalDate cadaOpinion, LocalDate confirmedRefusal,
            LocalDate fullAnswer, LocalDate withdrawn) {
        this(departement, sent, received, partialAnswer, expressRefusal, cadaRegistered, cadaOpinion,
                confirmedRefusal, fullAnswer, withdrawn, null);
    }

    private static final String RECEIPT = "la date de réception de la demande";
    private static final String REGISTRATION = "la date d'enregistrement de la saisine";

    public RequestFacts {
        Objects.requireNonNull(departement, "departement");
        if (received == null) {
            throw new InvalidInputException("La date de réception de la demande est obligatoire : c'est elle qui fait "
                    + "courir le délai d'un mois (CRPA R311-13).", Map.of("field", "received"));
        }
        if (sent != null && received.isBefore(sent)) {
            throw new InvalidInputException("La date de réception (" + FrenchDates.dayAndMonth(received)
                    + ") précède la date d'envoi (" + FrenchDates.dayAndMonth(sent)
                    + ") : une demande ne peut pas être reçue avant d'avoir été envoyée, vérifiez les deux dates.",
                    Map.of("field", "received"));
        }
        notBefore(partialAnswer, "La date de la réponse partielle", "partialAnswer", received, RECEIPT);
        notBefore(expressRefusal, "La date du refus exprès", "expressRefusal", received, RECEIPT);
        notBefore(cadaRegistered, "La date d'enregistrement par la CADA", "cadaRegistered", received, RECEIPT);
        notBefore(fullAnswer, "La date de la réponse complète", "fullAnswer", received, RECEIPT);
        notBefore(withdrawn, "La date du retrait de la demande", "withdrawn", received, RECEIPT);
        requiresReferral(cadaOpinion, "Un avis de la CADA", "cadaOpinion", cadaRegistered);
        requiresReferral(confirmedRefusal, "Un refus notifié après la saisine de la CADA", "confirmedRefusal",
                cadaRegistered);
        notBefore(cadaOpinion, "La date de l'avis de la CADA", "cadaOpinion", cadaRegistered, REGISTRATION);
        notBefore(confirmedRefusal, "La date du refus confirmé", "confirmedRefusal", cadaRegistered, REGISTRATION);
        if (expressRefusal != null && cadaRegistered != null && expressRefusal.isAfter(cadaRegistered)) {
            throw new InvalidInputException("Le refus exprès (" + FrenchDates.dayAndMonth(expressRefusal)
                    + ") est postérieur à l'enregistrement de la saisine par la CADA ("
                    + FrenchDates.dayAndMonth(cadaRegistered) + ") : enregistrez-le comme un refus confirmé.",
                    Map.of("field", "expressRefusal"));
        }
        if (fullAnswer != null && withdrawn != null) {
            throw new InvalidInputException("Une demande ne peut pas être à la fois entièrement satisfaite et retirée : "
                    + "n'indiquez que ce qui s'est produit en premier.", Map.of("field", "withdrawn"));
        }
        endsTheChain(fullAnswer, "La demande a été entièrement satisfaite le ", "fullAnswer", partialAnswer,
                expressRefusal, cadaRegistered, cadaOpinion, confirmedRefusal);
        endsTheChain(withdrawn, "La demande a été retirée le ", "withdrawn", partialAnswer, expressRefusal,
                cadaRegistered, cadaOpinion, confirmedRefusal);
    }

    /** The facts of a request received on a date by an authority of a département; add the rest with the builder. */
    public static Builder builder(LocalDate received, Departement departement) {
        return new Builder(received, departement);
    }

    public static Builder builder(LocalDate received, String departement) {
        return new Builder(received, Departement.of(departement));
    }

    public Builder toBuilder() {
        return new Builder(received, departement).sent(sent).partialAnswer(partialAnswer)
                .expressRefusal(expressRefusal).cadaRegistered(cadaRegistered).cadaOpinion(cadaOpinion)
                .confirmedRefusal(confirmedRefusal).fullAnswer(fullAnswer).withdrawn(withdrawn)
                .remediesMentioned(remediesMentioned);
    }

    /** The date the chain ends on, if it ends: a full answer or a withdrawal. */
    LocalDate end() {
        return fullAnswer != null ? fullAnswer : withdrawn;
    }

    private static void notBefore(LocalDate date, String what, String field, LocalDate reference,
            String referenceName) {
        if (date != null && reference != null && date.isBefore(reference)) {
            throw new InvalidInputException(what + " (" + FrenchDates.dayAndMonth(date)
                    + ") précède " + referenceName + " (" + FrenchDates.dayAndMonth(reference)
                    + ") : vérifiez les dates.", Map.of("field", field));
        }
    }

    private static void requiresReferral(LocalDate date, String what, String field, LocalDate cadaRegistered) {
        if (date != null && cadaRegistered == null) {
            throw new InvalidInputException(what + " suppose une saisine de la CADA : indiquez aussi la date à "
                    + "laquelle la CADA l'a enregistrée.", Map.of("field", field));
        }
    }

    private static void endsTheChain(LocalDate end, String message, String field, LocalDate... later) {
        if (end == null) {
            return;
        }
        List<LocalDate> after = new ArrayList<>();
        for (LocalDate date : later) {
            if (date != null && date.isAfter(end)) {
                after.add(date);
            }
        }
        if (!after.isEmpty()) {
            throw new InvalidInputException(message + FrenchDates.dayAndMonth(end)
                    + " : aucun autre événement ne peut suivre (vous en avez indiqué un le "
                    + FrenchDates.dayAndMonth(after.get(0)) + ").", Map.of("field", field));
        }
    }

    /** Collects the optional dates; {@link #build()} checks that they can all be true together. */
    public static final class Builder {

        private final LocalDate received;
        private final Departement departement;
        private LocalDate sent;
        private LocalDate partialAnswer;
        private LocalDate expressRefusal;
        private LocalDate cadaRegistered;
        private LocalDate cadaOpinion;
        private LocalDate confirmedRefusal;
        private LocalDate fullAnswer;
        private LocalDate withdrawn;
        private Boolean remediesMentioned;

        private Builder(LocalDate received, Departement departement) {
            this.received = received;
            this.departement = departement;
        }

        public Builder sent(LocalDate date) {
            this.sent = date;
            return this;
        }

        public Builder partialAnswer(LocalDate date) {
            this.partialAnswer = date;
            return this;
        }

        public Builder expressRefusal(LocalDate date) {
            this.expressRefusal = date;
            return this;
        }

        public Builder cadaRegistered(LocalDate date) {
            this.cadaRegistered = date;
            return this;
        }

        public Builder cadaOpinion(LocalDate date) {
            this.cadaOpinion = date;
            return this;
        }

        public Builder confirmedRefusal(LocalDate date) {
            this.confirmedRefusal = date;
            return this;
        }

        public Builder fullAnswer(LocalDate date) {
            this.fullAnswer = date;
            return this;
        }

        public Builder withdrawn(LocalDate date) {
            this.withdrawn = date;
            return this;
        }

        /** Whether the remedies were stated (true), known to be missing (false) or not known (null). */
        public Builder remediesMentioned(Boolean mentioned) {
            this.remediesMentioned = mentioned;
            return this;
        }

        public RequestFacts build() {
            return new RequestFacts(departement, sent, received, partialAnswer, expressRefusal, cadaRegistered,
                    cadaOpinion, confirmedRefusal, fullAnswer, withdrawn, remediesMentioned);
        }
    }
}

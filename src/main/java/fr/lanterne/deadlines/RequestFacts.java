package fr.lanterne.deadlines;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RemedyMentions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What is known about one request, as the volunteer recorded it. Only the receipt date and {@code departement} are
 * required; every other date is null until it happens. Dates of answers and refusals are the dates the applicant
 * received them (their notification), which is what the CRPA counts from. The engine reads, of the request's
 * {@link LegalDates}: {@code receivedOn} (the clock starts there, CRPA R311-13), {@code partialAnswerOn} (some
 * documents, the rest refused or ignored), {@code refusedOn} (a written refusal before any referral to the CADA),
 * {@code cadaRegisteredOn} (from the CADA's acknowledgement), {@code cadaOpinionOn}, {@code confirmedRefusalOn} (a
 * written refusal after the referral), {@code answeredOn} (all the documents: the chain ends) and {@code withdrawnOn}
 * (the chain ends); the others it computes itself.
 *
 * @param departement       where the authority is: its public holidays extend the deadlines
 * @param sent              when the request was sent (optional, only checked against the receipt)
 * @param dates             the request's legal dates
 * @param remedies          whether the acknowledgement of receipt and the written refusal stated the remedies and
 *                          their time limits (CRPA L112-6, R112-5; CJA R421-5): {@link RemedyRule} reads them
 */
record RequestFacts(Departement departement, LocalDate sent, LegalDates dates, RemedyMentions remedies) {

    private static final String RECEIPT = "la date de réception de la demande";
    private static final String REGISTRATION = "la date d'enregistrement de la saisine";

    public RequestFacts {
        Objects.requireNonNull(departement, "departement");
        Objects.requireNonNull(dates, "dates");
        remedies = remedies == null ? RemedyMentions.UNKNOWN : remedies;
        LocalDate received = dates.receivedOn();
        LocalDate partialAnswer = dates.partialAnswerOn();
        LocalDate expressRefusal = dates.refusedOn();
        LocalDate cadaRegistered = dates.cadaRegisteredOn();
        LocalDate cadaOpinion = dates.cadaOpinionOn();
        LocalDate confirmedRefusal = dates.confirmedRefusalOn();
        LocalDate fullAnswer = dates.answeredOn();
        LocalDate withdrawn = dates.withdrawnOn();
        if (received == null) {
            throw new InvalidInputException("La date de réception de la demande est obligatoire : c'est elle qui fait "
                    + "courir le délai d'un mois (CRPA R311-13).", Map.of("field", "received"));
        }
        if (sent != null && received.isBefore(sent)) {
            throw new InvalidInputException("La date de réception (" + FrenchDates.format(received)
                    + ") précède la date d'envoi (" + FrenchDates.format(sent)
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
            throw new InvalidInputException("Le refus exprès (" + FrenchDates.format(expressRefusal)
                    + ") est postérieur à l'enregistrement de la saisine par la CADA ("
                    + FrenchDates.format(cadaRegistered) + ") : enregistrez-le comme un refus confirmé.",
                    Map.of("field", "expressRefusal"));
        }
        if (fullAnswer != null && withdrawn != null) {
            throw new InvalidInputException("Une demande ne peut pas être à la fois entièrement satisfaite et retirée "
                    + ": n'indiquez que ce qui s'est produit en premier.", Map.of("field", "withdrawn"));
        }
        endsTheChain(fullAnswer, "La demande a été entièrement satisfaite le ", "fullAnswer", partialAnswer,
                expressRefusal, cadaRegistered, cadaOpinion, confirmedRefusal);
        endsTheChain(withdrawn, "La demande a été retirée le ", "withdrawn", partialAnswer, expressRefusal,
                cadaRegistered, cadaOpinion, confirmedRefusal);
    }

    /**
     * The facts of a request as recorded: once a refusal is confirmed after the CADA registered the referral, that
     * confirmed refusal is the one the chain reads, not the earlier express refusal. The request page, the nightly job
     * and the calendar all build their facts here, so that they read the same chain.
     */
    public static RequestFacts ofRecorded(Departement departement, LocalDate sent, LegalDates dates,
                                          RemedyMentions remedies) {
        LegalDates read = dates.confirmedRefusalOn() != null && dates.cadaRegisteredOn() != null
                ? dates.withRefusedOn(null) : dates;
        return new RequestFacts(departement, sent, read, remedies);
    }

    /** The facts of a request received on a date by an authority of a département; add the rest with the builder. */
    public static Builder builder(LocalDate receivedOn, Departement departement) {
        return new Builder(receivedOn, departement);
    }

    public static Builder builder(LocalDate receivedOn, String departement) {
        return new Builder(receivedOn, Departement.of(departement));
    }

    public Builder toBuilder() {
        Builder builder = new Builder(dates.receivedOn(), departement).sent(sent);
        builder.remedies = remedies;
        builder.dates = dates;
        return builder;
    }

    /** The date the chain ends on, if it ends: a full answer or a withdrawal. */
    LocalDate end() {
        return dates.answeredOn() != null ? dates.answeredOn() : dates.withdrawnOn();
    }

    private static void notBefore(LocalDate date, String what, String field, LocalDate reference,
            String referenceName) {
        if (date != null && reference != null && date.isBefore(reference)) {
            throw new InvalidInputException(what + " (" + FrenchDates.format(date)
                    + ") précède " + referenceName + " (" + FrenchDates.format(reference)
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
            throw new InvalidInputException(message + FrenchDates.format(end)
                    + " : aucun autre événement ne peut suivre (vous en avez indiqué un le "
                    + FrenchDates.format(after.get(0)) + ").", Map.of("field", field));
        }
    }

    /** Collects the optional dates; {@link #build()} checks that they can all be true together. */
    public static final class Builder {

        private final Departement departement;
        private LegalDates dates;
        private LocalDate sent;
        private RemedyMentions remedies = RemedyMentions.UNKNOWN;

        private Builder(LocalDate receivedOn, Departement departement) {
            this.dates = LegalDates.receivedOn(receivedOn);
            this.departement = departement;
        }

        public Builder sent(LocalDate date) {
            this.sent = date;
            return this;
        }

        /**
         * Changes the legal dates by {@link LegalDates}' own {@code withX} methods, for instance
         * {@code dates(d -> d.withRefusedOn(refused).withCadaRegisteredOn(registered))}.
         */
        public Builder dates(UnaryOperator<LegalDates> change) {
            this.dates = change.apply(dates);
            return this;
        }

        /** Whether the acknowledgement of receipt stated the remedies: true, false (missing) or null (not known). */
        public Builder acknowledgementRemedies(Boolean stated) {
            this.remedies = remedies.withAcknowledgement(stated);
            return this;
        }

        /** Whether the written refusal stated the remedies: true, false (missing) or null (not known). */
        public Builder refusalRemedies(Boolean stated) {
            this.remedies = remedies.withRefusal(stated);
            return this;
        }

        public RequestFacts build() {
            return new RequestFacts(departement, sent, dates, remedies);
        }
    }
}

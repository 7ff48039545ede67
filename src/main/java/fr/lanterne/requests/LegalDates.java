package fr.lanterne.requests;

import java.time.LocalDate;

/**
 * The legal dates of a request, each null until it happens: when the authority received it (the clock starts there,
 * CRPA R311-13), answered, refused, and what followed before the CADA and the court. The day the request was sent is
 * not one of them: the request keeps the moment it left ({@link RequestDetails#sentAt()}), and its day in French time
 * is derived from that moment.
 */
public record LegalDates(LocalDate receivedOn, LocalDate answeredOn, LocalDate partialAnswerOn, LocalDate refusedOn,
                         LocalDate implicitRefusalOn, LocalDate cadaReferredOn, LocalDate cadaRegisteredOn,
                         LocalDate cadaOpinionOn, LocalDate confirmedRefusalOn, LocalDate courtOn,
                         LocalDate withdrawnOn) {

    /** A request nothing has happened to yet. */
    public static final LegalDates NONE = new LegalDates(null, null, null, null, null, null, null, null, null, null,
            null);

    /** Received on a date, nothing else known yet. */
    public static LegalDates receivedOn(LocalDate date) {
        return NONE.withReceivedOn(date);
    }

    public LegalDates withReceivedOn(LocalDate date) {
        return new LegalDates(date, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withAnsweredOn(LocalDate date) {
        return new LegalDates(receivedOn, date, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withPartialAnswerOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, date, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withRefusedOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, date, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withImplicitRefusalOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, date, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withCadaReferredOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, date,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withCadaRegisteredOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                date, cadaOpinionOn, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withCadaOpinionOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, date, confirmedRefusalOn, courtOn, withdrawnOn);
    }

    public LegalDates withConfirmedRefusalOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, date, courtOn, withdrawnOn);
    }

    public LegalDates withCourtOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, date, withdrawnOn);
    }

    public LegalDates withWithdrawnOn(LocalDate date) {
        return new LegalDates(receivedOn, answeredOn, partialAnswerOn, refusedOn, implicitRefusalOn, cadaReferredOn,
                cadaRegisteredOn, cadaOpinionOn, confirmedRefusalOn, courtOn, date);
    }
}

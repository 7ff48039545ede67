package fr.lanterne.requests;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.Paris;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request and its state. It changes only through methods that check the current state first, and each change
 * adds a dated event to the timeline with its author. Legal dates (receipt, refusal…) are checked against what is
 * already known: nothing in the future, nothing before the request reached the authority.
 */
final class Request {


    private final Long id;
    private final RequestReference reference;
    /** The authority that holds the request; a transmission (CRPA L311-2) hands it to another one. */
    private long authorityId;
    private String departement;
    private final String templateId;
    private final Long campaignId;
    private final String owner;
    private final Instant createdAt;
    private Channel channel;
    private RequestStatus status;
    private Instant sentAt;
    private LegalDates dates;
    private String receiptEvidence;
    private String letterFile;
    private int sendAttempts;
    private Instant sendingStartedAt;
    private Instant nextAttemptAt;
    private String lastError;
    /** Whether the acknowledgement of receipt and the refusal stated the remedies (CRPA L112-6, CJA R421-5). */
    private RemedyMentions remedies;
    private final int version;
    private final List<TimelineEvent> newEvents = new ArrayList<>();

    /** Everything a stored request holds, as read from the database. */
    record State(Long id, RequestReference reference, long authorityId, String departement, String templateId,
                 Long campaignId, String owner, Instant createdAt, Channel channel, RequestStatus status,
                 Instant sentAt, LegalDates dates, String receiptEvidence, RemedyMentions remedies,
                 String letterFile, int sendAttempts, Instant sendingStartedAt, Instant nextAttemptAt,
                 String lastError, int version) {
    }

    Request(State s) {
        this.id = s.id();
        this.reference = s.reference();
        this.authorityId = s.authorityId();
        this.departement = s.departement();
        this.templateId = s.templateId();
        this.campaignId = s.campaignId();
        this.owner = s.owner();
        this.createdAt = s.createdAt();
        this.channel = s.channel();
        this.status = s.status();
        this.sentAt = s.sentAt();
        this.dates = s.dates();
        this.receiptEvidence = s.receiptEvidence();
        this.remedies = s.remedies() == null ? RemedyMentions.UNKNOWN : s.remedies();
        this.letterFile = s.letterFile();
        this.sendAttempts = s.sendAttempts();
        this.sendingStartedAt = s.sendingStartedAt();
        this.nextAttemptAt = s.nextAttemptAt();
        this.lastError = s.lastError();
        this.version = s.version();
    }

    /** A new request, not yet stored: a draft whose letter is to be written. */
    static Request draft(RequestReference reference, long authorityId, String departement, String templateId,
                         Long campaignId, Channel channel, String owner, Instant now) {
        Request request = new Request(new State(null, reference, authorityId, departement, templateId, campaignId,
                owner, now, channel, RequestStatus.DRAFT, null, LegalDates.NONE, null, RemedyMentions.UNKNOWN, null, 0,
                null, null, null, 0));
        request.record(now, null, EventType.CREATED, owner, templateId + " — " + channel.label());
        return request;
    }

    State state() {
        return new State(id, reference, authorityId, departement, templateId, campaignId, owner, createdAt, channel,
                status, sentAt, dates, receiptEvidence, remedies, letterFile, sendAttempts, sendingStartedAt,
                nextAttemptAt, lastError, version);
    }

    List<TimelineEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    RequestReference reference() {
        return reference;
    }

    RequestStatus status() {
        return status;
    }

    Channel channel() {
        return channel;
    }

    // --- writing and sending -----------------------------------------------------------------------------------

    Request letterRendered(String file, Instant now) {
        requireStatus("rédiger la lettre", RequestStatus.DRAFT, RequestStatus.QUEUED, RequestStatus.DELIVERY_FAILED);
        this.letterFile = file;
        record(now, null, EventType.LETTER_RENDERED, "lanterne", file);
        return this;
    }

    Request queue(String actor, Instant now) {
        if (letterFile == null) {
            throw new IllegalStateException("Request " + reference + " has no letter yet");
        }
        move(RequestStatus.QUEUED);
        this.nextAttemptAt = now;
        record(now, null, EventType.QUEUED, actor, channel.label());
        return this;
    }

    Request startSending(Instant now) {
        move(RequestStatus.SENDING);
        this.sendAttempts++;
        this.sendingStartedAt = now;
        this.nextAttemptAt = null;
        return this;
    }

    int sendAttempts() {
        return sendAttempts;
    }

    /** No SMTP server is configured: the email was written to a file for a person to send, who then records it. */
    Request writtenToOutbox(String file, Instant now) {
        move(RequestStatus.QUEUED);
        this.sendingStartedAt = null;
        this.nextAttemptAt = null;
        record(now, null, EventType.QUEUED, "lanterne", "courriel écrit dans " + file + " (aucun serveur SMTP "
                + "configuré) : envoyez-le vous-même, puis enregistrez l'envoi");
        return this;
    }

    Request sent(Instant at, String actor, String detail) {
        move(RequestStatus.SENT);
        this.sentAt = at;
        this.sendingStartedAt = null;
        this.lastError = null;
        this.nextAttemptAt = null;
        record(at, at.atZone(Paris.ZONE).toLocalDate(), EventType.SENT, actor, detail);
        return this;
    }

    /** A temporary failure (server unreachable…): back in the queue, to try again later. */
    Request sendFailed(String error, Instant retryAt, Instant now) {
        move(RequestStatus.QUEUED);
        this.sendingStartedAt = null;
        this.lastError = error;
        this.nextAttemptAt = retryAt;
        record(now, null, EventType.SEND_ATTEMPT_FAILED, "lanterne", "tentative " + sendAttempts + " : " + error);
        return this;
    }

    /** A permanent failure (address refused, bounce): a volunteer must fix the address or the channel. */
    Request deliveryFailed(String reason, Instant now) {
        move(RequestStatus.DELIVERY_FAILED);
        this.sendingStartedAt = null;
        this.lastError = reason;
        this.nextAttemptAt = null;
        record(now, null, EventType.DELIVERY_FAILED, "lanterne", reason);
        return this;
    }

    /**
     * Found in the middle of sending after a crash: the email may or may not have left. It is never sent again
     * without a person deciding, so that no authority gets the same letter twice.
     */
    Request sendingInterrupted(Instant now) {
        move(RequestStatus.SEND_UNCERTAIN);
        this.sendingStartedAt = null;
        record(now, null, EventType.SEND_UNCERTAIN, "lanterne",
                "Lanterne s'est arrêté pendant l'envoi : vérifiez dans la boîte d'envoi si le courriel est parti, "
                        + "puis confirmez l'envoi ou relancez-le.");
        return this;
    }

    Request changeChannel(Channel newChannel, String actor, Instant now) {
        requireStatus("changer de canal", RequestStatus.DRAFT, RequestStatus.QUEUED, RequestStatus.DELIVERY_FAILED,
                RequestStatus.SEND_UNCERTAIN);
        if (newChannel != channel) {
            record(now, null, EventType.CHANNEL_CHANGED, actor, channel.label() + " → " + newChannel.label());
            this.channel = newChannel;
        }
        return this;
    }

    /** Back to the queue after a failure or an interrupted send, once a person has checked. */
    Request requeue(String actor, Instant now) {
        requireStatus("remettre en file d'envoi", RequestStatus.DELIVERY_FAILED, RequestStatus.SEND_UNCERTAIN);
        move(RequestStatus.QUEUED);
        this.nextAttemptAt = now;
        this.lastError = null;
        record(now, null, EventType.QUEUED, actor, "remise en file d'envoi");
        return this;
    }

    // --- what the authority does -------------------------------------------------------------------------------

    /**
     * The date the authority received the request (acknowledgement, registered-mail receipt, email delivery): the
     * legal clock starts there (CRPA R311-13). Recorded again, it corrects the date.
     */
    Request received(LocalDate date, String evidence, String actor, LocalDate today, Instant now) {
        DateChecks.receipt(date, sentOn(), today);
        if (sentOn() == null) {
            throw new ConflictException("La demande " + reference + " n'a pas encore été envoyée (état : "
                    + status.label() + ") : enregistrez d'abord son envoi.", Map.of("status", status.name()));
        }
        boolean correction = dates.receivedOn() != null;
        if (!correction) {
            move(RequestStatus.RECEIVED);
        }
        this.dates = dates.withReceivedOn(date);
        this.receiptEvidence = evidence;
        record(now, date, EventType.RECEIVED, actor, correction ? "date de réception corrigée"
                + (evidence == null ? "" : " — " + evidence) : evidence);
        return this;
    }

    Request answered(boolean complete, LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, complete ? "La date de la réponse" : "La date de la réponse partielle");
        if (complete) {
            move(RequestStatus.ANSWERED);
            this.dates = dates.withAnsweredOn(date);
            record(now, date, EventType.ANSWERED, actor, null);
        } else {
            move(RequestStatus.PARTIALLY_ANSWERED);
            this.dates = dates.withPartialAnswerOn(date);
            record(now, date, EventType.PARTIALLY_ANSWERED, actor, null);
        }
        return this;
    }

    /**
     * The authority does not hold the documents and transmitted the request to the one that does (CRPA L311-2, third
     * paragraph). The legal clock restarts from receipt by that authority (CRPA R311-13): known, the request is
     * received on that date; unknown, it waits for that date as if just sent. A silence already counted is forgotten.
     */
    Request transmitted(Transmission transmission, String actor, LocalDate today, Instant now) {
        requireStatus("noter la transmission à une autre administration", RequestStatus.SENT,
                RequestStatus.RECEIVED, RequestStatus.IMPLICITLY_REFUSED);
        checkAfterSending(transmission.date(), today, "La date de la transmission");
        DateChecks.transmission(transmission, reference, authorityId, today);
        LocalDate receivedByNew = transmission.receivedOn();
        RequestStatus target = receivedByNew != null ? RequestStatus.RECEIVED : RequestStatus.SENT;
        if (status != target) {
            move(target);
        }
        this.authorityId = transmission.authorityId();
        this.departement = transmission.departement();
        this.dates = dates.withReceivedOn(receivedByNew).withImplicitRefusalOn(null);
        this.receiptEvidence = null;
        record(now, transmission.date(), EventType.TRANSMITTED, actor, "transmise à " + transmission.authorityName()
                + " (" + transmission.authorityCode() + ") le " + FrenchDates.format(transmission.date())
                + " (CRPA L311-2)"
                + (receivedByNew == null ? " ; date de réception par cette administration à enregistrer" : ""));
        if (receivedByNew != null) {
            record(now, receivedByNew, EventType.RECEIVED, actor, "reçue par " + transmission.authorityName()
                    + " après transmission : les délais courent de cette date (CRPA R311-13)");
        }
        return this;
    }

    /** What the volunteer read in the acknowledgement of receipt; null (not said) keeps what was known. */
    Request acknowledgementRemedies(Boolean stated) {
        this.remedies = remedies.withAcknowledgement(stated);
        return this;
    }

    /** What the volunteer read in the written refusal; null (not said) keeps what was known. */
    Request refusalRemedies(Boolean stated) {
        this.remedies = remedies.withRefusal(stated);
        return this;
    }

    Request refused(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date du refus");
        if (dates.cadaRegisteredOn() != null || status == RequestStatus.REFERRED_TO_CADA) {
            // The chain now reads this refusal: what the earlier one stated of the remedies no longer speaks for it.
            this.remedies = new RemedyMentions(remedies.acknowledgement(), null);
            return confirmedRefusal(date, actor, today, now);
        }
        move(RequestStatus.REFUSED);
        this.dates = dates.withRefusedOn(date);
        record(now, date, EventType.REFUSED, actor, null);
        return this;
    }

    /** One month of silence after receipt (CRPA R*311-12, R311-13): recorded by the nightly job. */
    Request implicitlyRefused(LocalDate date, Instant now) {
        if (dates.receivedOn() == null || !date.isAfter(dates.receivedOn())) {
            throw new IllegalStateException("Implicit refusal of " + reference + " on " + date
                    + " needs a receipt before");
        }
        move(RequestStatus.IMPLICITLY_REFUSED);
        this.dates = dates.withImplicitRefusalOn(date);
        record(now, date, EventType.IMPLICITLY_REFUSED, "lanterne", "silence d'un mois après la réception");
        return this;
    }

    Request referredToCada(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date de saisine de la CADA");
        move(RequestStatus.REFERRED_TO_CADA);
        this.dates = dates.withCadaReferredOn(date);
        record(now, date, EventType.REFERRED_TO_CADA, actor, null);
        return this;
    }

    /** The date the CADA registered the referral, from its acknowledgement: the CRPA R343-3 and R343-5 clocks start. */
    Request cadaRegistered(LocalDate date, String actor, LocalDate today, Instant now) {
        requireStatus("enregistrer la saisine par la CADA", RequestStatus.REFERRED_TO_CADA, RequestStatus.CADA_OPINION);
        DateChecks.notFuture(date, today, "La date d'enregistrement par la CADA");
        if (dates.cadaReferredOn() != null && date.isBefore(dates.cadaReferredOn())) {
            throw new InvalidInputException("La CADA ne peut pas avoir enregistré la saisine ("
                    + FrenchDates.format(date)
                    + ") avant qu'elle soit envoyée (" + FrenchDates.format(dates.cadaReferredOn()) + ").",
                    Map.of("field", "date"));
        }
        this.dates = dates.withCadaRegisteredOn(date);
        record(now, date, EventType.CADA_REGISTERED, actor, null);
        return this;
    }

    Request cadaOpinion(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date de l'avis de la CADA");
        move(RequestStatus.CADA_OPINION);
        this.dates = dates.withCadaOpinionOn(date);
        record(now, date, EventType.CADA_OPINION, actor, null);
        return this;
    }

    Request confirmedRefusal(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date du refus confirmé");
        move(RequestStatus.CONFIRMED_REFUSAL);
        this.dates = dates.withConfirmedRefusalOn(date);
        record(now, date, EventType.CONFIRMED_REFUSAL, actor, null);
        return this;
    }

    /**
     * Two months of silence after the CADA registered the referral (CRPA R*343-4, R343-5): recorded by the nightly
     * job.
     */
    Request refusalConfirmedBySilence(LocalDate date, Instant now) {
        if (dates.cadaRegisteredOn() == null) {
            throw new IllegalStateException("Confirmed refusal of " + reference + " needs the CADA registration date");
        }
        move(RequestStatus.CONFIRMED_REFUSAL);
        this.dates = dates.withConfirmedRefusalOn(date);
        record(now, date, EventType.CONFIRMED_REFUSAL, "lanterne", "silence de deux mois après l'enregistrement "
                + "de la saisine par la CADA");
        return this;
    }

    Request documentsReceived(String detail, Instant now) {
        record(now, now.atZone(Paris.ZONE).toLocalDate(), EventType.DOCUMENT_RECEIVED, "lanterne", detail);
        return this;
    }

    Request followUpDrafted(EventType type, String file, Instant now) {
        record(now, null, type, "lanterne", file);
        return this;
    }

    Request inCourt(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date du recours");
        move(RequestStatus.IN_COURT);
        this.dates = dates.withCourtOn(date);
        record(now, date, EventType.IN_COURT, actor, null);
        return this;
    }

    Request withdrawn(LocalDate date, String actor, LocalDate today, Instant now) {
        DateChecks.withdrawal(date, sentOn(), createdAt.atZone(Paris.ZONE).toLocalDate(), today);
        move(RequestStatus.WITHDRAWN);
        this.dates = dates.withWithdrawnOn(date);
        record(now, date, EventType.WITHDRAWN, actor, null);
        return this;
    }

    Request closed(String actor, String why, Instant now) {
        move(RequestStatus.CLOSED);
        record(now, null, EventType.CLOSED, actor, why);
        return this;
    }

    /**
     * The administration was told that the CADA was seized of the series this request belongs to (CRPA L342-1): the
     * requester must inform each administration of the series, and keeps the date as proof.
     */
    Request seriesInformed(LocalDate date, String actor, LocalDate today, Instant now) {
        checkAfterSending(date, today, "La date de l’information de la saisine en série");
        record(now, date, EventType.SERIES_INFORMED, actor, null);
        return this;
    }

    Request note(String text, String actor, Instant now) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("La note est vide.");
        }
        record(now, null, EventType.NOTE, actor, text.strip());
        return this;
    }

    // --- rules -------------------------------------------------------------------------------------------------

    private void move(RequestStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("La demande " + reference + " est « " + status.label()
                    + " » : elle ne peut pas passer à « " + target.label() + " ».",
                    Map.of("status", status.name(), "target", target.name()));
        }
        this.status = target;
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ConflictException("Impossible de " + action + " : la demande " + reference + " est « "
                    + status.label() + " ».", Map.of("status", status.name()));
        }
    }

    private LocalDate sentOn() {
        return sentAt == null ? null : sentAt.atZone(Paris.ZONE).toLocalDate();
    }

    private void checkAfterSending(LocalDate date, LocalDate today, String what) {
        DateChecks.afterSending(date, dates.receivedOn(), sentOn(), today, what);
    }

    private void record(Instant at, LocalDate date, EventType type, String actor, String detail) {
        newEvents.add(new TimelineEvent(at, date, type, actor, detail));
    }
}

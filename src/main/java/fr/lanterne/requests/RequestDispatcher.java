package fr.lanterne.requests;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued email requests, one at a time, at a polite rate.
 *
 * <p>Never twice, never falsely "sent": a request is marked SENDING (committed) before its email leaves and SENT
 * (committed) once the SMTP server accepted it. A process that dies between the two leaves it SENDING; it is then
 * marked SEND_UNCERTAIN for a person to check, never sent again on its own. Temporary failures go back to the queue
 * with a growing delay; a refused address, or too many failures, becomes DELIVERY_FAILED.
 */
@Component
class RequestDispatcher {

    /** Delays before the next attempt, after the first, second… failure. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12));
    /** Far longer than any SMTP conversation: a request SENDING for that long has lost its process. */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final RequestStore store;
    private final RequestMailer mailer;
    private final Authorities authorities;
    private final TransactionTemplate transaction;
    private final RequestsProperties properties;
    private final Settings settings;
    private final Clock clock;
    private long nextSlot = System.nanoTime();

    RequestDispatcher(RequestStore store, RequestMailer mailer, Authorities authorities, TransactionTemplate transaction,
                      RequestsProperties properties, Settings settings, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.authorities = authorities;
        this.transaction = transaction;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether emails may leave now: not before the requester identity is complete. */
    boolean maySend() {
        return settings.identityComplete();
    }

    /** What one dispatch did. */
    record Report(int sent, int toOutbox, int retryLater, int failed) {
        Report plus(RequestMailer.Outcome outcome) {
            if (outcome instanceof RequestMailer.Outcome.Sent) {
                return new Report(sent + 1, toOutbox, retryLater, failed);
            }
            if (outcome instanceof RequestMailer.Outcome.WrittenToOutbox) {
                return new Report(sent, toOutbox + 1, retryLater, failed);
            }
            if (outcome instanceof RequestMailer.Outcome.TemporaryFailure) {
                return new Report(sent, toOutbox, retryLater + 1, failed);
            }
            return new Report(sent, toOutbox, retryLater, failed + 1);
        }

        int total() {
            return sent + toOutbox + retryLater + failed;
        }
    }

    /**
     * Sends what is due (of one campaign, or of all when {@code campaignId} is null), at most {@code max}.
     *
     * @throws fr.lanterne.shared.ConflictException while the requester identity is not complete: the queue waits
     */
    Report sendDue(Long campaignId, int max, Runnable afterEach) {
        settings.requireIdentity("envoyer les demandes en attente");
        Report report = new Report(0, 0, 0, 0);
        List<RequestReference> due = store.dueForSending(clock.instant(), campaignId, max);
        for (RequestReference reference : due) {
            Optional<RequestMailer.Outcome> outcome = sendOne(reference);
            if (outcome.isPresent()) {
                report = report.plus(outcome.get());
                afterEach.run();
            }
        }
        return report;
    }

    /** @return empty when the request was no longer waiting to be sent (someone else sent or changed it) */
    Optional<RequestMailer.Outcome> sendOne(RequestReference reference) {
        if (!maySend()) {
            return Optional.empty();
        }
        if (mailer.smtpConfigured()) {
            // Wait for our turn before claiming the request, so that a crash while waiting leaves nothing uncertain.
            pace();
        }
        Attempt attempt = transaction.execute(status -> store.findForUpdate(reference)
                .filter(r -> r.status() == RequestStatus.QUEUED && r.channel() == Channel.EMAIL)
                .map(r -> {
                    r.startSending(clock.instant());
                    store.update(r);
                    Request.State s = r.state();
                    return new Attempt(s.sendAttempts(), s.authorityId(), s.letterFile());
                })
                .orElse(null));
        if (attempt == null) {
            return Optional.empty();
        }
        Authority authority = authorities.authority(attempt.authorityId());
        RequestMailer.Outcome outcome;
        if (authority.contact().email() == null) {
            outcome = new RequestMailer.Outcome.PermanentFailure("l'organisme n'a plus d'adresse électronique connue");
        } else {
            outcome = mailer.send(reference, attempt.number(), authority.contact().email(), attempt.letterFile());
        }
        RequestMailer.Outcome result = outcome;
        transaction.executeWithoutResult(status -> {
            Request request = store.findForUpdate(reference).orElseThrow();
            Instant now = clock.instant();
            if (result instanceof RequestMailer.Outcome.Sent sent) {
                request.sent(now, "lanterne", "courriel remis au serveur SMTP pour " + authority.contact().email()
                        + " (" + sent.messageId() + ")");
            } else if (result instanceof RequestMailer.Outcome.WrittenToOutbox outbox) {
                request.writtenToOutbox(outbox.file(), now);
            } else if (result instanceof RequestMailer.Outcome.TemporaryFailure failure) {
                if (request.sendAttempts() >= properties.maxAttempts()) {
                    request.deliveryFailed(failure.reason() + " — abandon après " + request.sendAttempts()
                            + " tentatives", now);
                } else {
                    request.sendFailed(failure.reason(), now.plus(backoff(request.sendAttempts())), now);
                }
            } else if (result instanceof RequestMailer.Outcome.PermanentFailure failure) {
                request.deliveryFailed(failure.reason(), now);
            }
            store.update(request);
        });
        return Optional.of(result);
    }

    /** Requests whose sending process died: marked SEND_UNCERTAIN, never resent without a person. */
    int recoverInterrupted() {
        List<RequestReference> stuck = store.sendingSince(clock.instant().minus(INTERRUPTED_AFTER));
        stuck.forEach(this::markInterrupted);
        return stuck.size();
    }

    /**
     * A campaign's sending process is known to be dead (its job is being resumed): its requests left SENDING are
     * uncertain now, without waiting for {@link #INTERRUPTED_AFTER}.
     */
    int recoverInterrupted(long campaignId) {
        List<RequestReference> stuck = store.sendingOfCampaign(campaignId);
        stuck.forEach(this::markInterrupted);
        return stuck.size();
    }

    private void markInterrupted(RequestReference reference) {
        transaction.executeWithoutResult(status -> store.findForUpdate(reference)
                .filter(r -> r.status() == RequestStatus.SENDING)
                .ifPresent(r -> {
                    r.sendingInterrupted(clock.instant());
                    store.update(r);
                    log.warn("Request {} was being sent when its process stopped: marked as uncertain", reference);
                }));
    }

    static Duration backoff(int failures) {
        return BACKOFF.get(Math.min(Math.max(failures, 1), BACKOFF.size()) - 1);
    }

    private record Attempt(int number, long authorityId, String letterFile) {
    }

    /** At most {@code emailsPerMinute}, evenly spaced, across every thread of this process. */
    private void pace() {
        long interval = TimeUnit.MINUTES.toNanos(1) / properties.emailsPerMinute();
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + interval;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

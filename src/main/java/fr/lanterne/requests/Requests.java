package fr.lanterne.requests;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.InseeCode;
import fr.lanterne.shared.FrenchDates;
import fr.lanterne.letters.Letter;
import fr.lanterne.letters.LetterTemplate;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.TemplateKind;
import fr.lanterne.settings.Settings;
import fr.lanterne.shared.Paris;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests module's API: create a request (its letter written and queued at once), follow it, record what the
 * authority did. Every change is a dated timeline event with its author. Follow-up letters are drafted by
 * {@link FollowUpDrafts}.
 */
@Service
public class Requests {

    private final RequestStore store;
    private final Authorities authorities;
    private final Letters letters;
    private final LetterWriter letterWriter;
    private final RequestDispatcher dispatcher;
    private final FollowUpDrafts followUps;
    private final RequestsProperties properties;
    private final Settings settings;
    private final Clock clock;

    Requests(RequestStore store, Authorities authorities, Letters letters, LetterWriter letterWriter,
             RequestDispatcher dispatcher, FollowUpDrafts followUps, RequestsProperties properties, Settings settings,
             Clock clock) {
        this.store = store;
        this.authorities = authorities;
        this.letters = letters;
        this.letterWriter = letterWriter;
        this.dispatcher = dispatcher;
        this.followUps = followUps;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Creates a request, writes its letter and queues it: an email leaves with the next dispatch, a letter waits to
     * be printed and posted.
     *
     * @throws fr.lanterne.shared.ConflictException while the requester identity is not complete (nothing is created)
     */
    @Transactional
    public RequestDetails create(NewRequest command, String actor) {
        settings.requireIdentity("créer et envoyer une demande");
        LetterTemplate template = requestTemplate(command.template());
        Authority authority = resolveAuthority(command.authority());
        Channel channel = chooseChannel(authority, command.channel(), command.postIfNoEmail());
        checkNotRepeated(authority, template.id());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        RequestReference reference = RequestReference.of(today.getYear(), store.reserveNumbers(today.getYear(), 1));
        Request request = Request.draft(reference, authority.id(), departementOf(authority), template.id(), null,
                channel, actor, now);
        Letter letter = letterWriter.compose(reference, template.id(), authority, today);
        request.letterRendered(letterWriter.write(reference, letter), now).queue(actor, now);
        store.insert(List.of(request));
        return details(reference);
    }

    /**
     * Whether {@link #create} would accept the request now, without creating it: the same refusals, with the same
     * sentences (no e-mail known, a request already open…).
     *
     * @return the channel it would go by
     */
    @Transactional(readOnly = true)
    public Channel check(NewRequest command) {
        LetterTemplate template = requestTemplate(command.template());
        Authority authority = resolveAuthority(command.authority());
        Channel channel = chooseChannel(authority, command.channel(), command.postIfNoEmail());
        checkNotRepeated(authority, template.id());
        return channel;
    }

    /** The letter a request would have, without creating anything: for a preview before confirming. */
    public Letter preview(NewRequest command) {
        LetterTemplate template = requestTemplate(command.template());
        Authority authority = resolveAuthority(command.authority());
        chooseChannel(authority, command.channel(), command.postIfNoEmail());
        LocalDate today = LocalDate.now(clock);
        return letterWriter.preview(RequestReference.of(today.getYear(), 0), template.id(), authority, today);
    }

    public byte[] previewPdf(NewRequest command) {
        return letters.pdf(preview(command));
    }

    @Transactional(readOnly = true)
    public RequestDetails details(RequestReference reference) {
        Request request = store.find(reference).orElseThrow(() -> notFound(reference));
        return details(request);
    }

    public Optional<RequestDetails> find(RequestReference reference) {
        return store.find(reference).map(this::details);
    }

    /** The letter as it was sent. */
    public Path letterPdf(RequestReference reference) {
        RequestDetails request = details(reference);
        if (request.letterFile() == null) {
            throw new NotFoundException("La lettre de la demande " + reference + " n'a pas encore été rédigée.",
                    Map.of("reference", reference.value()));
        }
        return letterWriter.pdf(request.letterFile());
    }

    /** A draft letter of a request (a reminder, a referral), by the path its timeline gives. */
    public Path draft(RequestReference reference, String file) {
        details(reference);
        Path folder = letterWriter.pdf("drafts/" + reference.value()).normalize();
        Path draft = letterWriter.pdf(file).normalize();
        if (!draft.startsWith(folder) || !java.nio.file.Files.isRegularFile(draft)) {
            throw new NotFoundException("La demande " + reference + " n'a pas de brouillon « " + file + " ».",
                    Map.of("reference", reference.value()));
        }
        return draft;
    }

    /** Drafts the referral to the CADA of a refused request now, without waiting for the night. */
    public String draftReferral(RequestReference reference) {
        return followUps.draftReferral(details(reference), today());
    }

    /** The date the authority received the request: its legal deadlines start there (CRPA R311-13). */
    public RequestDetails recordReceipt(RequestReference reference, LocalDate date, String evidence, String actor) {
        return recordReceipt(reference, date, evidence, null, actor);
    }

    /**
     * @param remediesMentioned whether the acknowledgement stated the remedies and their deadlines (CRPA L112-6,
     *                          R112-5);
     *                          null when not said, which keeps what was known
     */
    public RequestDetails recordReceipt(RequestReference reference, LocalDate date, String evidence,
                                        Boolean remediesMentioned, String actor) {
        return change(reference, r -> r.received(date, blankToNull(evidence), actor, today(), clock.instant())
                .acknowledgementRemedies(remediesMentioned));
    }

    /**
     * The authority transmitted the request to the one that holds the documents (CRPA L311-2); the deadlines restart
     * from receipt by that authority (CRPA R311-13), known or still to record.
     *
     * @param authority the new authority: its code (« prefecture-06 ») or, for a town hall, the commune's INSEE code
     * @param receivedOn when the new authority received it, null if not known yet
     */
    public RequestDetails recordTransmission(RequestReference reference, String authority, LocalDate date,
                                             LocalDate receivedOn, String actor) {
        if (authority == null || authority.isBlank()) {
            throw new InvalidInputException("Indiquez l'administration à laquelle la demande a été transmise "
                    + "(son code, par exemple « prefecture-06 », ou le code INSEE de la commune).",
                    Map.of("field", "authority"));
        }
        Authority target = resolveAuthority(authority.strip());
        String template = details(reference).template();
        store.openFor(target.id(), template).filter(open -> !open.equals(reference)).ifPresent(open -> {
            throw new ConflictException("Une demande « " + template + " » est déjà en cours auprès de « "
                    + target.name() + " » : " + open + ". Enregistrez la transmission sur celle-ci ou retirez l'une "
                    + "des deux.", Map.of("existing", open.value()));
        });
        Transmission transmission = new Transmission(target.id(), target.code(), target.name(), departementOf(target),
                date, receivedOn);
        return change(reference, r -> r.transmitted(transmission, actor, today(), clock.instant()));
    }

    /** A letter posted (or an email sent by hand from the outbox) on a date. */
    public RequestDetails recordSent(RequestReference reference, LocalDate date, String actor) {
        settings.requireIdentity("enregistrer l’envoi d’une lettre");
        LocalDate day = date == null ? today() : date;
        if (day.isAfter(today())) {
            throw new InvalidInputException("La date d'envoi (" + FrenchDates.format(day) + ") est dans le futur.",
                    Map.of("field", "date"));
        }
        return change(reference, r -> {
            if (r.status() != RequestStatus.QUEUED && r.status() != RequestStatus.SEND_UNCERTAIN) {
                throw new ConflictException("La demande " + reference + " est « " + r.status().label()
                        + " » : il n'y a pas d'envoi à enregistrer.", Map.of("status", r.status().name()));
            }
            // Only the day matters in law; noon keeps it that day whatever the zone it is read in.
            Instant at = day.equals(today()) ? clock.instant() : day.atTime(12, 0).atZone(Paris.ZONE).toInstant();
            return r.sent(at, actor, r.channel() == Channel.POST ? "lettre postée" : "envoi confirmé par " + actor);
        });
    }

    public RequestDetails recordAnswer(RequestReference reference, boolean complete, LocalDate date, String actor) {
        return change(reference, r -> r.answered(complete, date, actor, today(), clock.instant()));
    }

    public RequestDetails recordRefusal(RequestReference reference, LocalDate date, String actor) {
        return recordRefusal(reference, date, null, actor);
    }

    /**
     * @param remediesMentioned whether the refusal stated the remedies and their time limits, the CADA step first (CJA
     *                          R421-5, CE n° 488227); null when not said, which keeps what was known
     */
    public RequestDetails recordRefusal(RequestReference reference, LocalDate date, Boolean remediesMentioned,
                                        String actor) {
        return change(reference, r -> r.refused(date, actor, today(), clock.instant())
                .refusalRemedies(remediesMentioned));
    }

    public RequestDetails recordCadaReferral(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.referredToCada(date, actor, today(), clock.instant()));
    }

    public RequestDetails recordCadaRegistration(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.cadaRegistered(date, actor, today(), clock.instant()));
    }

    public RequestDetails recordCadaOpinion(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.cadaOpinion(date, actor, today(), clock.instant()));
    }

    public RequestDetails recordCourt(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.inCourt(date, actor, today(), clock.instant()));
    }

    public RequestDetails withdraw(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.withdrawn(date == null ? today() : date, actor, today(), clock.instant()));
    }

    public RequestDetails close(RequestReference reference, String why, String actor) {
        return change(reference, r -> r.closed(actor, why, clock.instant()));
    }

    /** Records the day the administration was told of the series referral to the CADA (CRPA L342-1). */
    public RequestDetails recordSeriesInformed(RequestReference reference, LocalDate date, String actor) {
        return change(reference, r -> r.seriesInformed(date, actor, today(), clock.instant()));
    }

    public RequestDetails note(RequestReference reference, String text, String actor) {
        return change(reference, r -> r.note(text, actor, clock.instant()));
    }

    /** After a delivery failure or an interrupted send: switch channel if asked, and queue again. */
    public RequestDetails retry(RequestReference reference, Channel channel, String actor) {
        return change(reference, r -> {
            if (channel != null) {
                r.changeChannel(channel, actor, clock.instant());
            }
            return r.requeue(actor, clock.instant());
        });
    }

    /** One month of silence after receipt, recorded by the nightly job on the day it is born. */
    public RequestDetails recordImplicitRefusal(RequestReference reference, LocalDate date) {
        return change(reference, r -> r.implicitlyRefused(date, clock.instant()));
    }

    /** A bounce arrived for an email that had left: the address must be fixed (or the channel changed). */
    public RequestDetails recordDeliveryFailure(RequestReference reference, String reason) {
        return change(reference, r -> r.deliveryFailed(reason, clock.instant()));
    }

    /** Documents received for a request: noted in its timeline; its state changes only when a volunteer says so. */
    public RequestDetails documentsReceived(RequestReference reference, String detail) {
        return change(reference, r -> r.documentsReceived(detail, clock.instant()));
    }

    /** Two months of silence after the CADA's registration: the refusal is confirmed (recorded by the nightly job). */
    public RequestDetails recordConfirmedRefusalBySilence(RequestReference reference, LocalDate date) {
        return change(reference, r -> r.refusalConfirmedBySilence(date, clock.instant()));
    }

    /**
     * Requests in a list, newest first.
     *
     * @param owners whose requests (null: anyone's)
     * @param authorityCodes to which authorities (null: any)
     * @param statuses in which states (null or empty: any)
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> list(List<String> owners, List<String> authorityCodes, List<RequestStatus> statuses,
                                     int limit) {
        List<Long> authorityIds = authorityCodes == null ? null
                : List.copyOf(authorities.authoritiesByCode(authorityCodes).values().stream()
                .map(Authority::id).toList());
        List<Request> found = store.list(owners, authorityIds, statuses, Math.max(1, Math.min(limit, 1_000)));
        Map<Long, fr.lanterne.authorities.AuthorityRef> names = authorities.authorityRefs(found.stream()
                .map(r -> r.state().authorityId()).distinct().toList());
        return found.stream().map(r -> {
            Request.State s = r.state();
            fr.lanterne.authorities.AuthorityRef authority = names.get(s.authorityId());
            return new RequestSummary(s.reference(), s.status(), s.status().label(), s.channel(),
                    authority.code(), authority.name(), s.templateId(), s.campaignId(), s.owner(), s.createdAt(),
                    s.sentAt() == null ? null : s.sentAt().atZone(Paris.ZONE).toLocalDate(), s.dates().receivedOn(),
                    s.departement());
        }).toList();
    }

    /** How many requests are in each state, of some owners (null: everyone's). */
    public Map<RequestStatus, Integer> countByStatus(List<String> owners) {
        return store.countByStatus(owners);
    }

    /** A volunteer's open requests, for their calendar. */
    public List<RequestDates> openRequestsOf(String owner) {
        return store.openDatesOf(owner);
    }

    /** Every request of a campaign, open or not, in id order: a series referral lists them all (CRPA L342-1). */
    public List<RequestDates> campaignRequestDates(long campaignId) {
        return store.datesOfCampaign(campaignId);
    }

    /** Open requests after an id, a page at a time, for the nightly job. */
    public List<RequestDates> openRequestsAfter(long afterId, int limit) {
        return store.openDatesAfter(afterId, limit);
    }

    /** Sends the queued emails that are due, now (the scheduler also does it every minute). */
    public String sendDue(int max) {
        RequestDispatcher.Report report = dispatcher.sendDue(null, max, () -> { });
        return FrenchCount.of(report.sent(), "envoyée", "envoyées") + ", "
                + FrenchCount.of(report.toOutbox(), "écrite", "écrites") + " dans la boîte d'envoi locale, "
                + report.retryLater() + " à réessayer, " + report.failed() + " en échec";
    }

    @Transactional
    RequestDetails change(RequestReference reference, UnaryOperator<Request> change) {
        Request request = store.findForUpdate(reference).orElseThrow(() -> notFound(reference));
        Request changed = change.apply(request);
        store.update(changed);
        return details(reference);
    }

    // --- shared with the campaign job --------------------------------------------------------------------------

    /** A template that asks for documents (not a reminder nor a referral), or an error listing them. */
    LetterTemplate requestTemplate(String id) {
        LetterTemplate template = letters.templates().get(id);
        if (template.kind() != TemplateKind.REQUEST) {
            throw new InvalidInputException("Le modèle « " + id + " » (" + template.kind().label() + ") ne sert pas à "
                    + "une première demande. Modèles de demande : " + requestTemplateIds() + ".",
                    Map.of("template", id));
        }
        return template;
    }

    String requestTemplateIds() {
        return letters.templates().ofKind(TemplateKind.REQUEST).stream().map(LetterTemplate::id)
                .collect(Collectors.joining(", "));
    }

    /** An authority code, or an INSEE code meaning that commune's town hall. */
    Authority resolveAuthority(String authority) {
        String code = InseeCode.isValid(authority) ? AuthorityCodes.townHall(authorities.commune(authority).insee())
                : authority;
        return authorities.authorityByCode(code);
    }

    static Channel chooseChannel(Authority authority, Channel requested, boolean postIfNoEmail) {
        return ChannelChoice.of(authority, requested, postIfNoEmail).orRefuse(authority);
    }

    /** No second open request, and no identical letter within the configured period (CRPA L311-2). */
    void checkNotRepeated(Authority authority, String templateId) {
        store.openFor(authority.id(), templateId).ifPresent(open -> {
            throw new ConflictException("Une demande « " + templateId + " » est déjà en cours auprès de « "
                    + authority.name() + " » : " + open + ". On n'en ouvre pas une seconde.",
                    Map.of("existing", open.value()));
        });
        Instant since = clock.instant().minus(properties.minIntervalBetweenIdenticalRequests());
        store.createdSince(authority.id(), templateId, since).ifPresent(recent -> {
            throw new ConflictException("La même lettre « " + templateId + " » a déjà été adressée à « "
                    + authority.name() + " » il y a moins de " + properties.minIntervalBetweenIdenticalRequests()
                    .toDays() + " jours (" + recent + ") : des demandes identiques répétées à une même administration "
                    + "peuvent être jugées abusives (article L311-2 du CRPA).", Map.of("existing", recent.value()));
        });
    }

    /** The département whose holidays extend an authority's deadlines: its own, or that of the commune it sits in. */
    static String departementOf(Authority authority) {
        if (authority.departement() != null) {
            return authority.departement();
        }
        return authority.communeInsee() == null ? null : InseeCode.of(authority.communeInsee()).departement();
    }

    private RequestDetails details(Request request) {
        Request.State s = request.state();
        Authority authority = authorities.authority(s.authorityId());
        return new RequestDetails(s.reference(), s.status(), s.status().label(), s.channel(), authority.code(),
                authority.name(), authority.communeInsee(), s.departement(), s.templateId(), s.campaignId(), s.owner(),
                s.createdAt(), s.sentAt(), s.dates(), s.receiptEvidence(), s.remedies(), s.letterFile(),
                s.sendAttempts(), s.nextAttemptAt(), s.lastError(), s.version(), store.timeline(s.id()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The refusal for a reference no request has (or that the asker may not see). */
    public static NotFoundException notFound(RequestReference reference) {
        return new NotFoundException("Aucune demande n'a la référence " + reference + ".",
                Map.of("reference", reference.value()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

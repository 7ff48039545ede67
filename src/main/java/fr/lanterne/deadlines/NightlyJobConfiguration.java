package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityRef;
import fr.lanterne.letters.PriorRequest;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.User;
import fr.lanterne.users.PublicAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import fr.lanterne.users.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one instance per night (its {@code runDate}), in reading order:
 * <ol>
 * <li>{@code reviewRequests}: every open request, a page at a time, through {@link NightlyReview}; the writer records
 * the implicit and confirmed refusals, drafts reminders and referrals, and stores each notice once (its key);</li>
 * <li>{@code seriesReferrals}: a campaign with five or more refused requests not yet referred gets one draft
 * referral for the whole series (CRPA L342-1);</li>
 * <li>{@code digests}: each volunteer gets one email with what is new, once per night.</li>
 * </ol>
 * Run twice for the same night, it does nothing the second time; restarted after a crash, it resumes after the last
 * page it finished and skips what was already recorded.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightly";
    static final String RUN_DATE = "runDate";
    private static final int PAGE = 2_000;

    // --- 1. review every open request --------------------------------------------------------------------------

    /** Open requests in id order, resuming after the last id of the last finished chunk. */
    static class OpenRequestReader implements ItemStreamReader<RequestDates> {
        private static final String LAST_ID = "nightly.openRequests.lastId";
        private final Requests requests;
        private List<RequestDates> page = List.of();
        private int next;
        private long lastId;

        OpenRequestReader(Requests requests) {
            this.requests = requests;
        }

        @Override
        public void open(ExecutionContext context) {
            lastId = context.getLong(LAST_ID, 0L);
        }

        @Override
        public RequestDates read() {
            if (next == page.size()) {
                page = requests.openRequestsAfter(lastId, PAGE);
                next = 0;
                if (page.isEmpty()) {
                    return null;
                }
            }
            RequestDates item = page.get(next++);
            lastId = item.id();
            return item;
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong(LAST_ID, lastId);
        }
    }

    @Bean
    @StepScope
    OpenRequestReader openRequestReader(Requests requests) {
        return new OpenRequestReader(requests);
    }

    @Bean
    NightlyReview nightlyReview(DeadlineCalculator calculator, DeadlinesProperties properties) {
        return new NightlyReview(calculator, properties);
    }

    /** Turns a request into tonight's decisions; a request with nothing to do tonight is filtered out. */
    static class ReviewProcessor implements ItemProcessor<RequestDates, NightlyReview.Review> {
        private final NightlyReview review;
        private final LocalDate night;

        ReviewProcessor(NightlyReview review, LocalDate night) {
            this.review = review;
            this.night = night;
        }

        @Override
        public NightlyReview.Review process(RequestDates request) {
            return review.review(request, night).orElse(null);
        }
    }

    @Bean
    @StepScope
    ReviewProcessor reviewProcessor(NightlyReview review, @Value("#{jobParameters['runDate']}") String runDate) {
        return new ReviewProcessor(review, LocalDate.parse(runDate));
    }

    @Bean
    @StepScope
    ReviewWriter reviewWriter(Requests requests, Authorities authorities, NoticeStore notices, Settings settings,
                              Clock clock, @Value("#{jobParameters['runDate']}") String runDate) {
        return new ReviewWriter(requests, authorities, notices, settings, clock, LocalDate.parse(runDate));
    }

    /**
     * Applies a chunk's decisions. Actions whose notice already exists are skipped whole: the request moved on, the
     * letter was drafted, the volunteer told, on an earlier night or an earlier run of this one.
     */
    static class ReviewWriter implements ItemWriter<NightlyReview.Review> {
        private final Requests requests;
        private final Authorities authorities;
        private final NoticeStore notices;
        private final Settings settings;
        private final Clock clock;
        private final LocalDate night;

        ReviewWriter(Requests requests, Authorities authorities, NoticeStore notices, Settings settings, Clock clock,
                     LocalDate night) {
            this.settings = settings;
            this.requests = requests;
            this.authorities = authorities;
            this.notices = notices;
            this.clock = clock;
            this.night = night;
        }

        @Override
        public void write(Chunk<? extends NightlyReview.Review> chunk) {
            List<? extends NightlyReview.Review> reviews = chunk.getItems();
            Set<String> done = notices.existingKeys(reviews.stream().flatMap(r -> r.actions().stream())
                    .map(NightlyReview.Action::key).toList());
            Map<Long, AuthorityRef> names = authorities.authorityRefs(reviews.stream()
                    .map(r -> r.request().authorityId()).distinct().toList());
            List<Notice> created = new ArrayList<>();
            for (NightlyReview.Review review : reviews) {
                RequestDates r = review.request();
                RequestReference reference = r.reference();
                for (NightlyReview.Action action : review.actions()) {
                    if (done.contains(action.key())) {
                        continue;
                    }
                    if (action.transition() == NightlyReview.Transition.IMPLICIT_REFUSAL) {
                        requests.recordImplicitRefusal(reference, action.transitionDate());
                    } else if (action.transition() == NightlyReview.Transition.CONFIRMED_REFUSAL) {
                        requests.recordConfirmedRefusalBySilence(reference, action.transitionDate());
                    }
                    String draft = null;
                    String message = action.message();
                    String waiting = null;
                    boolean referral = action.kind() == NoticeKind.IMPLICIT_REFUSAL
                            || action.kind() == NoticeKind.REFERRAL_DRAFTED;
                    if (action.draft() != null && referral) {
                        // Asked before drafting: a refusal thrown inside the chunk's transaction would roll it back.
                        waiting = settings.referralRefusal().orElse(null);
                    }
                    if (action.draft() != null && waiting == null) {
                        try {
                            draft = requests.draftFollowUp(reference, action.draft().template(), action.draft().prior(),
                                    night);
                        } catch (fr.lanterne.InvalidInputException e) {
                            message += " La lettre n'a pas pu être préparée : " + e.getMessage();
                        }
                    }
                    String authority = names.get(r.authorityId()).name();
                    if (waiting != null) {
                        // A referral short of an R343-1 element is not drafted (the CADA would not register it).
                        // The volunteer is told once; the referral's own notice is left unwritten, so that a later
                        // night drafts it once the identity is complete, while its safe deadline is still open.
                        String waitKey = "REFERRAL_WAITING:" + r.reference();
                        if (action.kind() == NoticeKind.IMPLICIT_REFUSAL) {
                            created.add(new Notice(action.key(), action.kind(), r.id(), r.reference().value(),
                                    r.campaignId(), r.owner(), action.due(), r.reference() + " — " + authority + " : "
                                    + message.replace(" ; la saisine est prête.", "."), null));
                        }
                        if (!done.contains(waitKey) && notices.existingKeys(List.of(waitKey)).isEmpty()) {
                            created.add(new Notice(waitKey, NoticeKind.REFERRAL_WAITING_FOR_IDENTITY, r.id(),
                                    r.reference().value(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
                                    + authority + " : la saisine de la CADA n'est pas préparée. " + waiting
                                    + (action.due() == null ? "" : " Elle le sera la nuit suivante, à envoyer au plus "
                                    + "tard le " + FrenchDates.format(action.due()) + " (CRPA R343-1)."), null));
                            done.add(waitKey);
                        }
                        continue;
                    }
                    created.add(new Notice(action.key(), action.kind(), r.id(), r.reference().value(), r.campaignId(),
                            r.owner(), action.due(), r.reference() + " — " + authority + " : " + message, draft));
                    // A refusal born tonight also gets its referral drafted tonight: one notice says both.
                    if (action.kind() == NoticeKind.IMPLICIT_REFUSAL) {
                        created.add(new Notice("REFERRAL:" + r.reference(), NoticeKind.REFERRAL_DRAFTED, r.id(),
                                r.reference().value(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
                                + authority + " : saisine de la CADA prête.", draft));
                        done.add("REFERRAL:" + r.reference());
                    }
                }
            }
            notices.insert(created, night, clock.instant());
        }
    }

    @Bean
    Step reviewRequests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        OpenRequestReader openRequestReader,
                        ReviewProcessor reviewProcessor, ReviewWriter reviewWriter) {
        return new StepBuilder("reviewRequests", jobRepository)
                .<RequestDates, NightlyReview.Review>chunk(PAGE)
                .transactionManager(transactionManager)
                .reader(openRequestReader)
                .processor(reviewProcessor)
                .writer(reviewWriter)
                // One request that cannot be handled (a corrupt row, a draft that fails) must not cost the others
                // their night: it is skipped, logged, and tried again the next night.
                .faultTolerant()
                .skip(RuntimeException.class)
                .skipLimit(1_000)
                .skipListener(new SkipLogger())
                .build();
    }

    static class SkipLogger implements org.springframework.batch.core.listener.SkipListener<RequestDates,
            NightlyReview.Review> {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SkipLogger.class);

        @Override
        public void onSkipInProcess(RequestDates item, Throwable t) {
            log.error("Nightly job: request {} skipped tonight", item.reference(), t);
        }

        @Override
        public void onSkipInWrite(NightlyReview.Review item, Throwable t) {
            log.error("Nightly job: request {} skipped tonight", item.request().reference(), t);
        }
    }

    // --- 2. series referrals -----------------------------------------------------------------------------------

    @Bean
    Step seriesReferrals(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         Requests requests, NoticeStore notices, NightlyReview review, Settings settings,
                         Clock clock) {
        return new StepBuilder("seriesReferrals", jobRepository)
                .tasklet((contribution, context) -> {
                    LocalDate night = LocalDate.parse(context.getStepContext().getStepExecution().getJobParameters()
                            .getString(RUN_DATE));
                    Map<Long, List<RequestDates>> byCampaign = new TreeMap<>();
                    long after = 0;
                    List<RequestDates> page;
                    while (!(page = requests.openRequestsAfter(after, PAGE)).isEmpty()) {
                        for (RequestDates r : page) {
                            // Only requests whose safe referral deadline is still open: the letter refers them now.
                            if (r.campaignId() != null && NightlyReview.refusedStatus(r.status())
                                    && r.dates().cadaReferredOn() == null && review.referralOpen(r, night)) {
                                byCampaign.computeIfAbsent(r.campaignId(), k -> new ArrayList<>()).add(r);
                            }
                        }
                        after = page.get(page.size() - 1).id();
                    }
                    List<Notice> created = new ArrayList<>();
                    for (Map.Entry<Long, List<RequestDates>> campaign : byCampaign.entrySet()) {
                        seriesNotice(campaign.getKey(), campaign.getValue(), requests, notices, review,
                                settings.referralRefusal(), night).ifPresent(created::add);
                    }
                    notices.insert(created, night, clock.instant());
                    contribution.incrementWriteCount(created.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * One series per campaign and template, once at least five different authorities refused (CRPA L342-1); a new
     * refusal later makes a new series, with a key of its own.
     */
    private static Optional<Notice> seriesNotice(long campaignId, List<RequestDates> refused, Requests requests,
                                                 NoticeStore notices, NightlyReview review,
                                                 Optional<String> identityMissing, LocalDate night) {
        Map<String, List<RequestDates>> byTemplate = refused.stream()
                .collect(Collectors.groupingBy(RequestDates::template, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<RequestDates>> group : byTemplate.entrySet()) {
            Map<Long, RequestDates> oneByAuthority = new LinkedHashMap<>();
            group.getValue().forEach(r -> oneByAuthority.putIfAbsent(r.authorityId(), r));
            if (oneByAuthority.size() < fr.lanterne.letters.Series.MINIMUM) {
                continue;
            }
            List<RequestDates> series = List.copyOf(oneByAuthority.values());
            String key = "SERIES:" + campaignId + ":" + group.getKey() + ":" + series.size() + ":"
                    + series.get(series.size() - 1).reference();
            if (!notices.existingKeys(List.of(key)).isEmpty()) {
                continue;
            }
            String owner = series.get(0).owner();
            if (identityMissing.isPresent()) {
                // Not drafted, and its key left free: a later night drafts it once the identity is complete.
                String waitKey = "SERIES_WAITING:" + campaignId + ":" + group.getKey();
                if (!notices.existingKeys(List.of(waitKey)).isEmpty()) {
                    continue;
                }
                return Optional.of(new Notice(waitKey, NoticeKind.REFERRAL_WAITING_FOR_IDENTITY, null, null,
                        campaignId, owner, null, "Campagne n° " + campaignId + " : " + series.size()
                        + " administrations ont refusé la même demande « " + group.getKey() + " », mais la saisine "
                        + "unique de la CADA n'est pas préparée. " + identityMissing.get() + " Elle le sera la nuit "
                        + "suivante, à envoyer au plus tard le "
                        + FrenchDates.format(earliestDeadline(series, review, night)) + " (CRPA R343-1).", null));
            }
            List<Requests.SeriesItem> items = series.stream().map(r -> new Requests.SeriesItem(
                    r.reference(), prior(r))).toList();
            List<Requests.SeriesItem> listed = new ArrayList<>(items);
            listed.addAll(otherRequests(campaignId, group.getKey(), series, requests));
            String draft = requests.draftSeriesReferral("campagne-" + campaignId, group.getKey(), listed, night);
            // L342-1 has the requester inform each administration of the series: one letter each, drafted with the
            // referral and dated like it, for the volunteer to send the same day.
            for (Requests.SeriesItem item : items) {
                requests.draftFollowUp(item.reference(), "information-serie", item.prior(), night);
            }
            return Optional.of(new Notice(key, NoticeKind.SERIES_REFERRAL, null, null, campaignId, owner, null,
                    "Campagne n° " + campaignId + " : " + series.size() + " administrations ont refusé la même demande « "
                            + group.getKey() + " » ; une saisine unique de la CADA pour ces demandes de la série est prête "
                            + "(CRPA L342-1) : " + series.stream().map(r -> r.reference().value())
                            .collect(Collectors.joining(", ")) + ". Envoyez-la au plus tard le "
                            + FrenchDates.format(earliestDeadline(series, review, night)) + ", première date limite "
                            + "sûre de la série (CRPA R343-1), et informez-en le même jour chacune des administrations de "
                            + "la série (CRPA L342-1) : la lettre d'information de chacune est prête sur sa demande ; "
                            + "enregistrez son envoi sur la demande (requests series-informed RÉFÉRENCE --date …).",
                    draft));
        }
        return Optional.empty();
    }

    /**
     * The campaign's other requests with the same object, one per administration not referred tonight, each with its
     * state: L342-1 has the requester identify to the CADA every request of the series, not only the refusals.
     */
    private static List<Requests.SeriesItem> otherRequests(long campaignId, String template,
                                                           List<RequestDates> referred, Requests requests) {
        Set<Long> authorities = new java.util.HashSet<>();
        referred.forEach(r -> authorities.add(r.authorityId()));
        List<Requests.SeriesItem> others = new ArrayList<>();
        for (RequestDates r : requests.campaignRequestDates(campaignId)) {
            LocalDate sent = r.sentOn() != null ? r.sentOn() : r.dates().receivedOn();
            // A request never sent is not yet a request of the series.
            if (!r.template().equals(template) || sent == null || !authorities.add(r.authorityId())) {
                continue;
            }
            others.add(Requests.SeriesItem.other(r.reference(), sent, r.dates().receivedOn(),
                    seriesState(r)));
        }
        return others;
    }

    /** What became of a request of a series that the series referral does not refer, in words. */
    static String seriesState(RequestDates r) {
        if (r.dates().withdrawnOn() != null) {
            return "demande retirée le " + inLetter(r.dates().withdrawnOn());
        }
        if (r.dates().answeredOn() != null) {
            return "documents communiqués le " + inLetter(r.dates().answeredOn());
        }
        if (r.dates().cadaReferredOn() != null) {
            return "refus déjà soumis à la Commission le " + inLetter(r.dates().cadaReferredOn());
        }
        if (r.dates().partialAnswerOn() != null) {
            return "communication partielle le " + inLetter(r.dates().partialAnswerOn())
                    + ", refus non soumis par la présente saisine";
        }
        if (r.dates().refusedOn() != null) {
            return "refus exprès du " + inLetter(r.dates().refusedOn()) + ", non soumis par la présente saisine";
        }
        if (r.dates().implicitRefusalOn() != null) {
            return "refus implicite né le " + inLetter(r.dates().implicitRefusalOn())
                    + ", non soumis par la présente saisine";
        }
        return "sans réponse à ce jour";
    }

    private static String inLetter(LocalDate date) {
        // A letter's date, without the weekday the notices give.
        return fr.lanterne.letters.FrenchDates.format(date);
    }

    private static LocalDate earliestDeadline(List<RequestDates> series, NightlyReview review, LocalDate night) {
        return series.stream().map(r -> review.referralDeadline(r, night).orElseThrow().earliest())
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    private static PriorRequest prior(RequestDates r) {
        LocalDate sent = r.sentOn() != null ? r.sentOn() : r.dates().receivedOn();
        if (r.dates().refusedOn() != null) {
            return PriorRequest.refused(r.template(), sent, r.dates().receivedOn(), r.dates().refusedOn());
        }
        if (r.dates().partialAnswerOn() != null) {
            return PriorRequest.refused(r.template(), sent, r.dates().receivedOn(), r.dates().partialAnswerOn());
        }
        return PriorRequest.unanswered(r.template(), sent, r.dates().receivedOn(), r.dates().implicitRefusalOn());
    }

    // --- 3. one digest per volunteer ---------------------------------------------------------------------------

    @Bean
    Step digests(JobRepository jobRepository, NoticeStore notices, Users users, DigestMailer mailer,
                 PublicAddress publicAddress, Clock clock) {
        return new StepBuilder("digests", jobRepository)
                .tasklet((contribution, context) -> {
                    LocalDate night = LocalDate.parse(context.getStepContext().getStepExecution().getJobParameters()
                            .getString(RUN_DATE));
                    notices.markInterruptedDigests(night);
                    int sent = 0;
                    for (String owner : notices.ownersWithPendingNotices()) {
                        List<NoticeStore.Stored> pending = notices.pending(owner);
                        Optional<User> user = users.find(owner);
                        String recipient = user.map(User::email).orElse(null);
                        Optional<Long> digest = notices.claimDigest(owner, night, recipient, pending.size());
                        if (digest.isEmpty()) {
                            continue; // already sent (or being sent) for this night: never twice
                        }
                        notices.attach(digest.get(), pending.stream().map(NoticeStore.Stored::id).toList());
                        DigestMailer.Delivery delivery = mailer.send(owner, recipient, night,
                                subject(night, pending.size()), body(user, night, pending, publicAddress.base()));
                        notices.digestDone(digest.get(), delivery.status(), delivery.detail(), clock.instant());
                        sent++;
                    }
                    contribution.incrementWriteCount(sent);
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager()) // each digest commits its own claim before it is sent
                .build();
    }

    static String subject(LocalDate night, int count) {
        return "Lanterne — " + FrenchDates.format(night) + " : " + count + " point" + (count > 1 ? "s" : "")
                + " à suivre";
    }

    /**
     * The digest's text; with the server's public address known, each request comes with the link to its page, and
     * the digest ends with the link to "Mon travail".
     */
    static String body(Optional<User> user, LocalDate night, List<NoticeStore.Stored> notices, Optional<URI> site) {
        StringBuilder text = new StringBuilder("Bonjour").append(user.map(User::displayName).map(n -> " " + n)
                .orElse("")).append(",\n\nVoici ce qui demande votre attention ce ").append(FrenchDates.format(night))
                .append(".\n");
        Map<NoticeKind, List<NoticeStore.Stored>> byKind = new TreeMap<>();
        notices.forEach(n -> byKind.computeIfAbsent(n.notice().kind(), k -> new ArrayList<>()).add(n));
        for (Map.Entry<NoticeKind, List<NoticeStore.Stored>> kind : byKind.entrySet()) {
            text.append("\n").append(kind.getKey().label()).append(" (").append(kind.getValue().size()).append(")\n");
            for (NoticeStore.Stored stored : kind.getValue()) {
                text.append("  • ").append(stored.notice().message()).append('\n');
                if (stored.notice().draftFile() != null) {
                    text.append("    Lettre prête : ").append(stored.notice().draftFile()).append('\n');
                }
                if (site.isPresent() && stored.notice().reference() != null) {
                    text.append("    ").append(site.get()).append("/demandes/")
                            .append(URLEncoder.encode(stored.notice().reference(), StandardCharsets.UTF_8))
                            .append('\n');
                }
            }
        }
        site.ifPresent(s -> text.append("\nTout ce qui vous attend : ").append(s).append("/travail\n"));
        text.append("\nCe récapitulatif est envoyé une fois par nuit ; il ne contient que ce qui est nouveau.\n");
        return text.toString();
    }

    // --- the job -----------------------------------------------------------------------------------------------

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step reviewRequests, Step seriesReferrals, Step digests) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(reviewRequests)
                .next(seriesReferrals)
                .next(digests)
                .build();
    }
}

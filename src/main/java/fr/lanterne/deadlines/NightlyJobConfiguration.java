package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityRef;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * referral for the whole series and an information letter for each administration of the series (CRPA L342-1),
 * through {@link SeriesReferrals};</li>
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
                RequestReference reference = RequestReference.parse(r.reference());
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
                            created.add(new Notice(action.key(), action.kind(), r.id(), r.reference(),
                                    r.campaignId(), r.owner(), action.due(), r.reference() + " — " + authority + " : "
                                    + message.replace(" ; la saisine est prête.", "."), null));
                        }
                        if (!done.contains(waitKey) && notices.existingKeys(List.of(waitKey)).isEmpty()) {
                            created.add(new Notice(waitKey, NoticeKind.REFERRAL_WAITING_FOR_IDENTITY, r.id(),
                                    r.reference(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
                                    + authority + " : la saisine de la CADA n'est pas préparée. " + waiting
                                    + (action.due() == null ? "" : " Elle le sera la nuit suivante, à envoyer au plus "
                                    + "tard le " + FrenchDates.format(action.due()) + " (CRPA R343-1)."), null));
                            done.add(waitKey);
                        }
                        continue;
                    }
                    created.add(new Notice(action.key(), action.kind(), r.id(), r.reference(), r.campaignId(),
                            r.owner(), action.due(), r.reference() + " — " + authority + " : " + message, draft));
                    // A refusal born tonight also gets its referral drafted tonight: one notice says both.
                    if (action.kind() == NoticeKind.IMPLICIT_REFUSAL) {
                        created.add(new Notice("REFERRAL:" + r.reference(), NoticeKind.REFERRAL_DRAFTED, r.id(),
                                r.reference(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
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
                                    && r.cadaReferredOn() == null && review.referralOpen(r, night)) {
                                byCampaign.computeIfAbsent(r.campaignId(), k -> new ArrayList<>()).add(r);
                            }
                        }
                        after = page.get(page.size() - 1).id();
                    }
                    List<Notice> created = new ArrayList<>();
                    for (Map.Entry<Long, List<RequestDates>> campaign : byCampaign.entrySet()) {
                        SeriesReferrals.notice(campaign.getKey(), campaign.getValue(), requests, notices, review,
                                settings.referralRefusal(), night).ifPresent(created::add);
                    }
                    notices.insert(created, night, clock.instant());
                    contribution.incrementWriteCount(created.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
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

package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.requests.FollowUpDrafts;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.Requests;
import fr.lanterne.settings.Settings;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job's first step, {@code reviewRequests}: every open request, a page at a time, through
 * {@link NightlyReview}; {@link ReviewWriter} records the implicit and confirmed refusals, drafts reminders and
 * referrals, and stores each notice once (its key).
 */
@Configuration(proxyBeanMethods = false)
class ReviewRequestsStep {

    private static final int PAGE = NightlyJobConfiguration.PAGE;

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
    ReviewWriter reviewWriter(Requests requests, FollowUpDrafts drafts, Authorities authorities, NoticeStore notices,
                              Settings settings, Clock clock, @Value("#{jobParameters['runDate']}") String runDate) {
        return new ReviewWriter(requests, drafts, authorities, notices, settings, clock, LocalDate.parse(runDate));
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
}

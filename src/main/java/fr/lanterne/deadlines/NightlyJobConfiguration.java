package fr.lanterne.deadlines;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job, one instance per night (its {@code runDate}), in reading order:
 * <ol>
 * <li>{@code reviewRequests} ({@link ReviewRequestsStep}): every open request, a page at a time, through
 * {@link NightlyReview}; the writer records the implicit and confirmed refusals, drafts reminders and referrals, and
 * stores each notice once (its key);</li>
 * <li>{@code seriesReferrals} ({@link SeriesReferralsStep}): a campaign with five or more refused requests not yet
 * referred gets one draft referral for the whole series and an information letter for each administration of the
 * series (CRPA L342-1);</li>
 * <li>{@code digests} ({@link DigestsStep}): each volunteer gets one email with what is new, once per night.</li>
 * </ol>
 * Run twice for the same night, it does nothing the second time; restarted after a crash, it resumes after the last
 * page it finished and skips what was already recorded.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightly";
    static final String RUN_DATE = "runDate";
    /** Open requests read at a time, and the review step's chunk. */
    static final int PAGE = 2_000;

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step reviewRequests, Step seriesReferrals, Step digests) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(reviewRequests)
                .next(seriesReferrals)
                .next(digests)
                .build();
    }
}

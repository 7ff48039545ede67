package fr.lanterne.deadlines;

import fr.lanterne.requests.FollowUpDrafts;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.Requests;
import fr.lanterne.settings.Settings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job's second step, {@code seriesReferrals}: a campaign with five or more refused requests not yet
 * referred gets one draft referral for the whole series and an information letter for each administration of the
 * series (CRPA L342-1), through {@link SeriesReferrals}.
 */
@Configuration(proxyBeanMethods = false)
class SeriesReferralsStep {

    private static final String RUN_DATE = NightlyJobConfiguration.RUN_DATE;
    private static final int PAGE = NightlyJobConfiguration.PAGE;

    @Bean
    Step seriesReferrals(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         Requests requests, FollowUpDrafts drafts, NoticeStore notices, NightlyReview review,
                         Settings settings, Clock clock) {
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
                        SeriesReferrals.notice(campaign.getKey(), campaign.getValue(), requests, drafts, notices,
                                review, settings.referralRefusal(), night).ifPresent(created::add);
                    }
                    notices.insert(created, night, clock.instant());
                    contribution.incrementWriteCount(created.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}

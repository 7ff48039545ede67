package fr.lanterne.web.pages;

import fr.lanterne.requests.Campaigns;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs campaigns' jobs on the application's task executor, as the API does, once at a time per campaign in this
 * process: a second click on "resume" while the job runs starts nothing.
 */
@Component
class BackgroundCampaigns {

    private static final Logger log = LoggerFactory.getLogger(BackgroundCampaigns.class);

    private final Campaigns campaigns;
    private final TaskExecutor executor;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    BackgroundCampaigns(Campaigns campaigns, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.campaigns = campaigns;
        this.executor = executor;
    }

    /** Starts (or resumes) a campaign's job in the background, unless this process already runs it. */
    boolean start(long campaignId) {
        if (!running.add(campaignId)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    campaigns.run(campaignId, progress -> { });
                } catch (fr.lanterne.shared.UserError e) {
                    // Refused before it started (no requester identity yet): the pages' banner says why.
                    log.warn("The job of campaign {} did not start: {}", campaignId, e.getMessage());
                } catch (RuntimeException e) {
                    // The campaign's page shows the job stopped and offers to resume it; the cause is for the logs.
                    log.error("The job of campaign {} stopped", campaignId, e);
                } finally {
                    running.remove(campaignId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(campaignId);
            throw e;
        }
        return true;
    }

    /** Whether this process runs the campaign's job, or is about to. */
    boolean runningHere(long campaignId) {
        return running.contains(campaignId);
    }
}

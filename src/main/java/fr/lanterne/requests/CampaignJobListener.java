package fr.lanterne.requests;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Records on the campaign which process runs its job, and its final status. */
@Component
class CampaignJobListener implements JobExecutionListener {

    /** With no sign of life for that long, an execution on another machine is taken for dead. */
    private static final Duration SILENCE = Duration.ofMinutes(15);

    private final CampaignStore store;
    private final Clock clock;

    CampaignJobListener(CampaignStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long campaignId = campaignId(execution);
        store.runner(campaignId, thisProcess());
        store.status(campaignId, "RUNNING", null);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long campaignId = campaignId(execution);
        store.runner(campaignId, null);
        BatchStatus status = execution.getStatus();
        store.status(campaignId, status == BatchStatus.COMPLETED ? "COMPLETED" : status.name(),
                status == BatchStatus.COMPLETED ? clock.instant() : null);
    }

    private static long campaignId(JobExecution execution) {
        return execution.getJobParameters().getLong(Campaigns.CAMPAIGN_ID);
    }

    static String thisProcess() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }

    /** Whether the process recorded as running a campaign's job still does. */
    static boolean alive(String runner, JobExecution last) {
        if (runner == null) {
            return false;
        }
        int colon = runner.lastIndexOf(':');
        String host = runner.substring(0, colon);
        long pid = Long.parseLong(runner.substring(colon + 1));
        if (host.equals(hostName())) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        LocalDateTime lastUpdated = last.getLastUpdated();
        return lastUpdated != null && lastUpdated.isAfter(LocalDateTime.now().minus(SILENCE));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

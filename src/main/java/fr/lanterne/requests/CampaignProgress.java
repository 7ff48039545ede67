package fr.lanterne.requests;

import java.time.Instant;
import java.util.Map;

/**
 * Where a campaign stands.
 *
 * @param status the campaign's status as its job last recorded (PLANNED, RUNNING, COMPLETED, FAILED, STOPPED)
 * @param state where its job stands now: what pages and the command line show
 * @param jobStatus Spring Batch's status of its last job execution (STARTED, COMPLETED, FAILED…), for diagnosis
 * @param requestsByStatus its requests counted by state
 * @param printFile the merged PDF of the letters to post, relative to the data directory, once written
 */
public record CampaignProgress(long id, String name, String status, CampaignState state, String jobStatus, int planned, int skipped,
                               Map<RequestStatus, Integer> requestsByStatus, String printFile, Instant createdAt,
                               Instant finishedAt) {

    public int created() {
        return requestsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests whose letter is written (whatever happened to them since): the job's main work. */
    public int ready() {
        return requestsByStatus.entrySet().stream()
                .filter(e -> e.getKey() != RequestStatus.DRAFT && e.getKey() != RequestStatus.SENDING)
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Requests sent, by email or recorded as posted (see {@link RequestStatus#sent()}). */
    public int sent() {
        return requestsByStatus.entrySet().stream().filter(e -> e.getKey().sent())
                .mapToInt(Map.Entry::getValue).sum();
    }
}

package fr.lanterne.requests;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * Where a campaign stands.
 *
 * @param state where its job stands now: what pages, the command line and the API show
 * @param requestsByStatus its requests counted by state
 * @param printFile the merged PDF of the letters to post, relative to the data directory, once written
 */
public record CampaignProgress(long id, String name, CampaignState state, int planned, int skipped,
                               Map<RequestStatus, Integer> requestsByStatus, String printFile, Instant createdAt,
                               Instant finishedAt) {

    /**
     * The API's {@code status}, kept for clients that read it: the state's name (COMPLETED, RUNNING, INTERRUPTED,
     * ABANDONED), so that it never says other than {@code state}.
     */
    @JsonProperty("status")
    public String status() {
        return state.name();
    }

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

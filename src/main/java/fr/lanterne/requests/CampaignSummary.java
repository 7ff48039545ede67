package fr.lanterne.requests;

import java.time.Instant;
import java.util.List;

/**
 * A campaign in a list: what it writes, who launched it, and how far it got.
 *
 * @param channel EMAIL or POST, or null for email where the authority's email is known and post elsewhere
 * @param status PLANNED, RUNNING, COMPLETED, FAILED or STOPPED, as its job last recorded
 * @param planned the requests it is to create
 * @param skipped the targets it left out
 * @param created the requests it created
 * @param sent those of them sent (by email, or recorded as posted), whatever happened since
 */
public record CampaignSummary(long id, String name, List<String> templates, Channel channel, String createdBy,
                              Instant createdAt, Instant finishedAt, String status, int planned, int skipped,
                              int created, int sent) {

    public CampaignSummary {
        templates = List.copyOf(templates);
    }
}

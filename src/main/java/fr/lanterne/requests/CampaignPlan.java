package fr.lanterne.requests;

import java.util.List;
import java.util.Map;

/**
 * What a campaign will do (dry run) or was set to do: the requests to create and the targets left out, with why.
 *
 * @param email how many requests go by email
 * @param post how many go by post
 * @param sample the first targets, to show
 * @param skipped targets for which no request will be created, each with its reason
 * @param listed the first requests to create, as many as asked for ({@link Campaigns#plan(NewCampaign, int)})
 * @param skippedByReason how many targets are left out for each reason, most frequent first
 * @param withoutAddress the authorities left out for want of an address, once each, so that they can be filled in
 */
public record CampaignPlan(int targets, int requests, int email, int post, List<String> sample, List<String> skipped,
                           List<PlannedRequest> listed, Map<String, Integer> skippedByReason,
                           List<AddressMissing> withoutAddress) {
}

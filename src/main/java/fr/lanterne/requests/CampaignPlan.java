package fr.lanterne.requests;

import java.util.List;

/**
 * What a campaign will do (dry run) or was set to do: the requests to create and the targets left out, with why.
 *
 * @param email how many requests go by email
 * @param post how many go by post
 * @param sample the first targets, to show
 * @param skipped targets for which no request will be created, each with its reason
 */
public record CampaignPlan(int targets, int requests, int email, int post, List<String> sample, List<String> skipped) {
}

package fr.lanterne.requests;

/**
 * A request a campaign would create: to which authority, with which template, by which channel.
 *
 * @param authorityCode the authority's code ({@code mairie-06088}), with which a sample letter can be previewed
 */
public record PlannedRequest(String authorityCode, String authorityName, String template, Channel channel) {
}

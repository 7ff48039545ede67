/**
 * Public-records requests: their references, letters, timelines and states, campaigns, sending and receipt dates.
 */
@LanterneModule(
        api = {AddressMissing.class, CampaignCommand.class, CampaignPlan.class, CampaignProgress.class,
                CampaignState.class, CampaignSummary.class, CampaignTargets.class, Campaigns.class, Channel.class,
                EventType.class, FollowUpDrafts.class, LegalDates.class, NewCampaign.class, NewRequest.class,
                PlannedRequest.class, RemedyMentions.class, RequestDates.class, RequestDetails.class,
                RequestReference.class, RequestStatistics.class, RequestStatus.class, RequestSummary.class,
                Requests.class, RequestsCommand.class, RequestsProperties.class, SentLetters.class, Statistics.class,
                StatisticsFilter.class, TargetList.class, TimelineEvent.class},
        uses = {"authorities", "cli", "letters", "registry", "settings", "shared"})
package fr.lanterne.requests;

import fr.lanterne.LanterneModule;

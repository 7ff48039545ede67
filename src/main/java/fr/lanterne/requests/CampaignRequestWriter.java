package fr.lanterne.requests;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Creates the requests of a chunk of campaign targets, in a few statements. Targets are screened again at this
 * point, by the dry run's rule ({@link TargetScreening}): an open request may have appeared since the campaign was
 * planned, an address may have gone; a target that cannot get its request gets an outcome saying why. Either way it is
 * done, and never looked at again.
 */
class CampaignRequestWriter implements ItemWriter<CampaignStore.Target> {

    private final CampaignStore campaigns;
    private final RequestStore requests;
    private final Authorities authorities;
    private final RequestsProperties properties;
    private final Clock clock;

    CampaignRequestWriter(CampaignStore campaigns, RequestStore requests, Authorities authorities,
                          RequestsProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.requests = requests;
        this.authorities = authorities;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends CampaignStore.Target> chunk) {
        List<? extends CampaignStore.Target> targets = chunk.getItems();
        if (targets.isEmpty()) {
            return;
        }
        long campaignId = targets.get(0).campaignId();
        CampaignStore.Campaign campaign = campaigns.find(campaignId).orElseThrow();
        List<String> templates = targets.stream().map(CampaignStore.Target::templateId).distinct().toList();
        TargetScreening screening = new TargetScreening(campaigns.openKeys(templates), campaigns.recentKeys(templates,
                clock.instant().minus(properties.minIntervalBetweenIdenticalRequests())),
                properties.minIntervalBetweenIdenticalRequests());
        Map<Long, Authority> byId = authorities.authoritiesById(
                targets.stream().map(CampaignStore.Target::authorityId).distinct().toList());

        List<CampaignStore.Target> accepted = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<CampaignStore.TargetOutcome> outcomes = new ArrayList<>();
        for (CampaignStore.Target target : targets) {
            TargetScreening.Screened screened = screening.screen(byId.get(target.authorityId()), target.templateId(),
                    campaign.channelOrNull());
            if (screened.accepted()) {
                accepted.add(target);
                channels.add(screened.channel());
            } else {
                outcomes.add(new CampaignStore.TargetOutcome(target.position(), screened.outcome()));
            }
        }
        campaigns.targetOutcomes(campaignId, outcomes);
        if (accepted.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int year = LocalDate.now(clock).getYear();
        long first = requests.reserveNumbers(year, accepted.size());
        List<Request> drafts = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            CampaignStore.Target target = accepted.get(i);
            Authority authority = byId.get(target.authorityId());
            drafts.add(Request.draft(RequestReference.of(year, first + i), target.authorityId(),
                    Requests.departementOf(authority), target.templateId(), campaignId, channels.get(i),
                    campaign.createdBy(), now));
        }
        campaigns.insertRequests(drafts);
        Map<String, Long> ids = campaigns.requestIds(drafts.stream().map(d -> d.reference().value()).toList());
        List<CampaignStore.TargetLink> links = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            links.add(new CampaignStore.TargetLink(accepted.get(i).position(),
                    ids.get(drafts.get(i).reference().value())));
        }
        campaigns.linkTargets(campaignId, links);
    }
}

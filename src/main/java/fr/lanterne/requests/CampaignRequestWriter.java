package fr.lanterne.requests;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Creates the requests of a chunk of campaign targets, in a few statements. Checks are made again at this point
 * (an open request may have appeared since the campaign was planned, an address may have gone); a target that
 * cannot get its request gets an outcome saying why. Either way it is done, and never looked at again.
 */
class CampaignRequestWriter implements ItemWriter<CampaignStore.Target> {

    private final CampaignStore campaigns;
    private final RequestStore requests;
    private final Requests rules;
    private final Authorities authorities;
    private final RequestsProperties properties;
    private final Clock clock;

    CampaignRequestWriter(CampaignStore campaigns, RequestStore requests, Requests rules, Authorities authorities,
                          RequestsProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.requests = requests;
        this.rules = rules;
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
        Set<String> open = campaigns.openKeys(templates);
        Set<String> recent = campaigns.recentKeys(templates,
                clock.instant().minus(properties.minIntervalBetweenIdenticalRequests()));
        Map<Long, Authority> byId = authorities.authoritiesById(
                targets.stream().map(CampaignStore.Target::authorityId).distinct().toList());

        List<CampaignStore.Target> accepted = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<Object[]> outcomes = new ArrayList<>();
        for (CampaignStore.Target target : targets) {
            String key = target.authorityId() + "/" + target.templateId();
            String outcome = null;
            Channel channel = null;
            if (open.contains(key)) {
                outcome = "une demande identique est déjà en cours";
            } else if (recent.contains(key)) {
                outcome = "la même lettre lui a été adressée récemment (CRPA L311-2)";
            } else {
                try {
                    channel = rules.chooseChannel(byId.get(target.authorityId()), campaign.channelOrNull(), false);
                } catch (fr.lanterne.InvalidInputException e) {
                    outcome = "adresse manquante : " + e.getMessage();
                }
            }
            if (outcome != null) {
                outcomes.add(new Object[] {outcome, campaignId, target.position()});
            } else {
                accepted.add(target);
                channels.add(channel);
                open.add(key);
            }
        }
        campaigns.targetOutcomes(outcomes);
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
        List<Object[]> links = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            links.add(new Object[] {ids.get(drafts.get(i).reference().value()), campaignId, accepted.get(i).position()});
        }
        campaigns.linkTargets(links);
    }
}

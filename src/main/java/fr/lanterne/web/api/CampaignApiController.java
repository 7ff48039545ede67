package fr.lanterne.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.lanterne.requests.AddressMissing;
import fr.lanterne.requests.CampaignPlan;
import fr.lanterne.requests.CampaignProgress;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
class CampaignApiController {

    private final Campaigns campaigns;
    private final TaskExecutor executor;

    CampaignApiController(Campaigns campaigns, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.campaigns = campaigns;
        this.executor = executor;
    }

    /**
     * @param authorities INSEE codes or authority codes, as in a campaign CSV file
     * @param dryRun only say what would be done
     */
    record CampaignRequest(String name, List<String> templates, List<String> insee, String departement,
                           Integer minPopulation, Boolean registry, List<String> authorities, Channel channel,
                           Boolean dryRun) {

        /** Left out of the JSON, the two switches are off (Jackson refuses a missing primitive). */
        CampaignRequest {
            registry = Boolean.TRUE.equals(registry);
            dryRun = Boolean.TRUE.equals(dryRun);
        }

        boolean everyRegistryTown() {
            return registry;
        }

        boolean onlyPlan() {
            return dryRun;
        }
    }

    record Launched(long id, CampaignPlan plan, CampaignProgress progress) {
    }

    /**
     * A dry run: the plan, and for each authority left out for want of an address, the page where a volunteer types
     * it ({@code /communes/42218#adresse}; null for bodies other than town halls, whose address goes through
     * {@code PUT /api/authorities/by-code/{code}/contact}).
     */
    record DryRun(@JsonUnwrapped CampaignPlan plan, List<AddressPage> addressPages) {
    }

    record AddressPage(String authorityCode, String authorityName, String addressPage) {

        static AddressPage of(AddressMissing missing) {
            return new AddressPage(missing.authorityCode(), missing.authorityName(), missing.communeInsee() == null
                    ? null : "/communes/" + missing.communeInsee() + "#adresse");
        }
    }

    /** A dry run answers the plan; otherwise the campaign is created and its job started in the background. */
    @PostMapping
    ResponseEntity<?> launch(@RequestBody CampaignRequest body, Principal user) {
        NewCampaign campaign = new NewCampaign(body.name(), body.templates(), new CampaignTargets(body.insee(),
                body.departement(), body.minPopulation(), body.everyRegistryTown(), body.authorities()), body.channel());
        CampaignPlan plan = campaigns.plan(campaign);
        if (body.onlyPlan()) {
            return ResponseEntity.ok(new DryRun(plan, plan.withoutAddress().stream().map(AddressPage::of).toList()));
        }
        long id = campaigns.create(campaign, user.getName());
        executor.execute(() -> campaigns.run(id, progress -> { }));
        return ResponseEntity.accepted().location(URI.create("/api/campaigns/" + id))
                .body(new Launched(id, plan, campaigns.progress(id)));
    }

    record CampaignView(CampaignProgress progress, int created, List<String> skipped) {
    }

    @GetMapping("/{id}")
    CampaignView campaign(@PathVariable long id) {
        CampaignProgress progress = campaigns.progress(id);
        return new CampaignView(progress, progress.created(), campaigns.skipped(id, 100));
    }
}

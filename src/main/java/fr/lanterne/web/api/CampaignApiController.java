package fr.lanterne.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.lanterne.requests.AddressMissing;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.requests.CampaignPlan;
import fr.lanterne.requests.CampaignProgress;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
     * @param registry every commune of the deployment registry; false when left out
     * @param dryRun only say what would be done; false when left out
     */
    // The lists are kept as the campaign's selection (JSON in a TEXT column): 3,000 INSEE codes and 500 authority
    // codes fit; larger campaigns are chosen by département, population or registry.
    record CampaignRequest(@Size(max = 200) @StoredIn("campaign.name") String name,
                           @Size(max = 20) List<@Size(max = 60) String> templates,
                           @Size(max = 3000) List<@Size(max = 10) String> insee,
                           @Size(max = 3) String departement,
                           Integer minPopulation, boolean registry,
                           @Size(max = 500) List<@Size(max = 60) String> authorities,
                           Channel channel, boolean dryRun,
                           @Size(max = 500) List<@Size(max = 9) String> epci,
                           @Size(max = 3) String epciDepartement) {
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
    ResponseEntity<?> launch(@Valid @RequestBody CampaignRequest body, Principal user) {
        NewCampaign campaign = new NewCampaign(body.name(), body.templates(), new CampaignTargets(body.insee(),
                body.departement(), body.minPopulation(), body.registry(), body.authorities(), body.epci(),
                body.epciDepartement()), body.channel());
        CampaignPlan plan = campaigns.plan(campaign);
        if (body.dryRun()) {
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

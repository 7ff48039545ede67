package fr.lanterne.web.pages;

import fr.lanterne.shared.Paris;
import fr.lanterne.shared.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.letters.LetterTemplate;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.TemplateKind;
import fr.lanterne.requests.CampaignPlan;
import fr.lanterne.requests.CampaignProgress;
import fr.lanterne.requests.CampaignState;
import fr.lanterne.requests.CampaignSummary;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.PlannedRequest;
import fr.lanterne.requests.Requests;
import fr.lanterne.web.RequestAccess;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign builder: choose templates and recipients, see what would be done (the requests, the targets left out
 * and why, a sample letter), launch once, then follow the job as it runs.
 */
@Controller
@RequestMapping("/campagnes")
class CampaignPagesController {

    /** Requests and targets shown on a page; the others are counted. */
    private static final int SHOWN = 100;

    private final Campaigns campaigns;
    private final Requests requests;
    private final Authorities authorities;
    private final Letters letters;
    private final BackgroundCampaigns background;
    private final RequestAccess access;
    private final MessageSource messages;

    CampaignPagesController(Campaigns campaigns, Requests requests, Authorities authorities, Letters letters,
                            BackgroundCampaigns background, RequestAccess access, MessageSource messages) {
        this.campaigns = campaigns;
        this.requests = requests;
        this.authorities = authorities;
        this.letters = letters;
        this.background = background;
        this.access = access;
        this.messages = messages;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return Paris.ZONE;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list(200));
        model.addAttribute("titles", templateTitles());
        return "campaigns/list";
    }

    // --- the form, the dry run, the launch ---------------------------------------------------------------------

    @GetMapping("/nouvelle")
    String form(Model model) {
        model.addAttribute("campaign", new CampaignForm());
        return formPage(model);
    }

    @PostMapping("/nouvelle")
    String dryRun(@Valid @ModelAttribute("campaign") CampaignForm form, BindingResult errors, HttpSession session,
                  Model model) {
        form.toCampaign(errors, campaigns::unknownTargets).ifPresent(campaign -> showPlan(form, campaign, errors, session, model));
        return formPage(model);
    }

    /**
     * Launches what a dry run showed, once per token: the same token again redirects to the campaign it launched.
     * A form changed since its dry run, or a token this session does not know, shows the dry run again.
     */
    @PostMapping
    String launch(@Valid @ModelAttribute("campaign") CampaignForm form, BindingResult errors, HttpSession session,
                  Principal user, Model model, RedirectAttributes redirect) {
        LaunchTokens tokens = LaunchTokens.of(session);
        Optional<String> already = tokens.launched(form.getToken());
        if (already.isPresent()) {
            return "redirect:/campagnes/" + already.get();
        }
        Optional<NewCampaign> read = form.toCampaign(errors, campaigns::unknownTargets);
        if (read.isEmpty()) {
            return formPage(model);
        }
        NewCampaign campaign = read.get();
        LaunchTokens.Redemption redemption;
        try {
            redemption = tokens.redeem(form.getToken(), LaunchTokens.fingerprint(campaign),
                    () -> String.valueOf(campaigns.create(campaign, user.getName())));
        } catch (UserError e) {
            CampaignForm.reject(errors, e);
            showPlan(form, campaign, errors, session, model);
            return formPage(model);
        }
        return switch (redemption.status()) {
            case LAUNCHED -> {
                background.start(Long.parseLong(redemption.launched()));
                redirect.addFlashAttribute("launched", true);
                yield "redirect:/campagnes/" + redemption.launched();
            }
            case ALREADY_LAUNCHED -> "redirect:/campagnes/" + redemption.launched();
            case UNKNOWN, CHANGED -> {
                model.addAttribute("notice", redemption.status() == LaunchTokens.Status.CHANGED
                        ? "campaign.notice.changed" : "campaign.notice.expired");
                showPlan(form, campaign, errors, session, model);
                yield formPage(model);
            }
        };
    }

    /** A letter of the campaign as it would be written, for the first recipient of a template. */
    @GetMapping("/apercu.pdf")
    ResponseEntity<byte[]> sampleLetter(@RequestParam String organisme, @RequestParam String modele,
                                        @RequestParam(required = false) Channel canal) {
        byte[] pdf = requests.previewPdf(new NewRequest(organisme, modele, canal, false));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("exemple-" + modele + ".pdf").build().toString())
                .body(pdf);
    }

    private String formPage(Model model) {
        model.addAttribute("templates", letters.templates().ofKind(TemplateKind.REQUEST));
        model.addAttribute("titles", templateTitles());
        model.addAttribute("departements", authorities.departements());
        model.addAttribute("channels", List.of("AUTO", Channel.EMAIL.name(), Channel.POST.name()));
        return "campaigns/new";
    }

    private void showPlan(CampaignForm form, NewCampaign campaign, BindingResult errors, HttpSession session,
                          Model model) {
        CampaignPlan plan;
        try {
            plan = campaigns.plan(campaign, SHOWN);
        } catch (UserError e) {
            CampaignForm.reject(errors, e);
            return;
        }
        model.addAttribute("plan", plan);
        model.addAttribute("samples", samples(campaign, plan));
        model.addAttribute("skippedShown", plan.skipped().subList(0, Math.min(SHOWN, plan.skipped().size())));
        form.setToken(plan.requests() == 0 ? null
                : LaunchTokens.of(session).issue(LaunchTokens.fingerprint(campaign)));
    }

    /** For each template, its first request: the sample letter to look at before launching. */
    private static List<PlannedRequest> samples(NewCampaign campaign, CampaignPlan plan) {
        List<PlannedRequest> samples = new ArrayList<>();
        for (String template : campaign.templates()) {
            plan.listed().stream().filter(r -> r.template().equals(template)).findFirst().ifPresent(samples::add);
        }
        return samples;
    }

    // --- a campaign as it runs ---------------------------------------------------------------------------------

    /**
     * What the page and its script show of a campaign's job.
     *
     * @param state done, running, interrupted (resumable) or stopped (abandoned by hand: nothing to resume)
     * @param ready requests whose letter is written
     */
    record Progress(long id, String state, String stateLabel, int planned, int created, int ready, int sent,
                    int skipped, boolean running, boolean resumable) {
    }

    @GetMapping("/{id}")
    String campaign(@PathVariable long id, Principal user, Locale locale, Model model) {
        CampaignSummary summary = campaigns.summary(id);
        CampaignProgress progress = campaigns.progress(id);
        model.addAttribute("summary", summary);
        model.addAttribute("progress", progress(progress, locale));
        model.addAttribute("printFile", progress.printFile());
        model.addAttribute("titles", templateTitles());
        model.addAttribute("skipped", campaigns.skipped(id, SHOWN));
        // Requests are seen by their owner's group only (see RequestAccess): others see the counts.
        if (access.mayFollow(user, summary.createdBy())) {
            model.addAttribute("requests", campaigns.requests(id, SHOWN));
        }
        return "campaigns/campaign";
    }

    @GetMapping(value = "/{id}/progression", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progression(@PathVariable long id, Locale locale) {
        return progress(campaigns.progress(id), locale);
    }

    /** Resumes a job that failed or was interrupted, where it stopped (as {@code campaign resume} does). */
    @PostMapping("/{id}/reprise")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        if (!background.runningHere(id) && campaigns.resumable(id)) {
            background.start(id);
            redirect.addFlashAttribute("resumed", true);
        }
        return "redirect:/campagnes/" + id;
    }

    private Progress progress(CampaignProgress p, Locale locale) {
        // A job this process is about to start is running already, for the people following it.
        CampaignState state = p.state() != CampaignState.COMPLETED && background.runningHere(p.id())
                ? CampaignState.RUNNING : p.state();
        return new Progress(p.id(), state.key(), messages.getMessage(state.messageKey(), null, locale), p.planned(),
                p.created(), p.ready(), p.sent(), p.skipped(), state == CampaignState.RUNNING, state.resumable());
    }

    private Map<String, String> templateTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (LetterTemplate template : letters.templates().all()) {
            titles.put(template.id(), template.title());
        }
        return titles;
    }
}

package fr.lanterne.requests;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.InseeCode;
import fr.lanterne.registry.Registry;
import fr.lanterne.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns: one request per (authority, template) for a list of towns, written, sent or readied for the post by a
 * restartable Spring Batch job. The list is fixed when the campaign is created; running the job again (after a
 * crash, or a stop) resumes where it stopped and never creates, writes or sends anything twice.
 */
@Service
public class Campaigns {

    static final String JOB_NAME = "campaign";
    static final String CAMPAIGN_ID = "campaignId";

    private final CampaignStore store;
    private final RequestStore requests;
    private final Requests requestRules;
    private final Authorities authorities;
    private final Registry registry;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job campaignJob;
    private final RequestDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final RequestsProperties properties;
    /** campaign.selection is a TEXT column: 65,535 bytes. */
    private static final int MAX_SELECTION_BYTES = 65_535;

    private final JsonMapper json;
    private final Settings settings;
    private final Clock clock;

    Campaigns(CampaignStore store, RequestStore requests, Requests requestRules, Authorities authorities,
              Registry registry, JobOperator jobOperator, JobRepository jobRepository,
              @Qualifier("campaignJob") Job campaignJob, RequestDispatcher dispatcher, TransactionTemplate transaction,
              RequestsProperties properties, JsonMapper json, Settings settings, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.requestRules = requestRules;
        this.authorities = authorities;
        this.registry = registry;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.campaignJob = campaignJob;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.properties = properties;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the campaign would do, without creating or sending anything; its first ten requests listed. */
    public CampaignPlan plan(NewCampaign campaign) {
        return plan(campaign, 10);
    }

    /** What the campaign would do, without creating or sending anything; its first {@code listed} requests listed. */
    public CampaignPlan plan(NewCampaign campaign, int listed) {
        return toPlan(targets(campaign), listed);
    }

    /**
     * Creates the campaign and its fixed list of targets; {@link #run} then does the work.
     *
     * @throws fr.lanterne.shared.ConflictException while the requester identity is not complete (nothing is created)
     */
    public long create(NewCampaign campaign, String actor) {
        settings.requireIdentity("lancer une campagne");
        List<PlannedTarget> targets = targets(campaign);
        if (targets.stream().noneMatch(t -> t.outcome() == null)) {
            CampaignPlan plan = toPlan(targets, 0);
            throw new InvalidInputException("Cette campagne ne créerait aucune demande : "
                    + String.join(" ; ", plan.skipped().stream().limit(5).toList())
                    + (plan.skipped().size() > 5 ? " ; …" : "") + ".");
        }
        Instant now = clock.instant();
        String described = campaign.name() != null ? campaign.name()
                : String.join("+", campaign.templates()) + " — " + describe(campaign.targets());
        // campaign.name holds 200 characters; a name typed is checked by its form, a described one is shortened.
        String name = described.length() > 200 ? described.substring(0, 199) + "…" : described;
        String selection = json.writeValueAsString(campaign.targets());
        if (selection.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SELECTION_BYTES) {
            throw new InvalidInputException("Cette campagne énumère trop de codes ("
                    + (campaign.targets().insee().size() + campaign.targets().authorityCodes().size())
                    + ") pour être gardée : 3 000 au plus. Choisissez plutôt un département, un seuil de population "
                    + "ou les communes du registre, ou lancez plusieurs campagnes.");
        }
        return transaction.execute(status -> {
            long id = store.insert(name, campaign.templates(), selection, campaign.channel(), actor, now);
            List<CampaignStore.NewTarget> rows = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                PlannedTarget t = targets.get(i);
                rows.add(new CampaignStore.NewTarget(i + 1, t.authority().id(), t.template(), t.outcome()));
            }
            store.insertTargets(id, rows);
            return id;
        });
    }

    /**
     * Runs (or resumes) a campaign's job in this thread, calling {@code progress} about twice a second from another
     * thread while it runs.
     */
    public CampaignProgress run(long campaignId, Consumer<CampaignProgress> progress) {
        campaign(campaignId);
        // The job's own steps refuse too (no letter is written, no email leaves without it): this says it first.
        settings.requireIdentity("lancer ou reprendre une campagne");
        JobParameters parameters = new JobParametersBuilder().addLong(CAMPAIGN_ID, campaignId).toJobParameters();
        recoverAbandonedExecution(campaignId, parameters);
        Thread reporter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(500);
                    progress.accept(progress(campaignId));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // A progress line missed is no reason to stop the campaign.
                }
            }
        }, "campaign-progress-" + campaignId);
        reporter.setDaemon(true);
        reporter.start();
        try {
            jobOperator.start(campaignJob, parameters);
        } catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException e) {
            // Already done: nothing to resume.
        } catch (Exception e) {
            throw new IllegalStateException("The job of campaign " + campaignId + " could not start", e);
        } finally {
            reporter.interrupt();
        }
        CampaignProgress done = progress(campaignId);
        progress.accept(done);
        return done;
    }

    public CampaignProgress progress(long campaignId) {
        CampaignStore.Campaign campaign = campaign(campaignId);
        JobExecution last = lastExecution(campaignId);
        return new CampaignProgress(campaign.id(), campaign.name(), state(campaignId, last), campaign.planned(),
                campaign.skipped(), requests.countByStatus(campaignId), campaign.printFile(), campaign.createdAt(),
                campaign.finishedAt());
    }

    /** Campaigns, newest first, with how far each got. */
    public List<CampaignSummary> list(int limit) {
        return store.summaries(null, Math.max(1, Math.min(limit, 1_000)));
    }

    public CampaignSummary summary(long campaignId) {
        List<CampaignSummary> found = store.summaries(campaignId, 1);
        if (found.isEmpty()) {
            throw notFound(campaignId);
        }
        return found.get(0);
    }

    /** The requests a campaign created, in the order of its list. */
    public List<RequestSummary> requests(long campaignId, int limit) {
        campaign(campaignId);
        return store.requests(campaignId, Math.max(1, Math.min(limit, 10_000)));
    }

    /**
     * Whether {@link #run} would take the campaign's job further: it never started (the process that created the
     * campaign stopped before), it failed or was stopped, or the process running it is gone. Not when it completed,
     * nor while a live process runs it.
     */
    public boolean resumable(long campaignId) {
        campaign(campaignId);
        return state(campaignId, lastExecution(campaignId)).resumable();
    }

    /** The one place where Spring Batch's status of the campaign's last execution is read. */
    private CampaignState state(long campaignId, JobExecution last) {
        if (last == null) {
            return CampaignState.INTERRUPTED;
        }
        BatchStatus status = last.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return CampaignState.COMPLETED;
        }
        if (status.isRunning()) {
            return CampaignJobListener.alive(store.runner(campaignId).orElse(null), last) ? CampaignState.RUNNING
                    : CampaignState.INTERRUPTED;
        }
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED ? CampaignState.INTERRUPTED
                : CampaignState.ABANDONED;
    }

    /** The lines of a list of recipients that name no known commune nor authority. */
    public List<TargetList.Problem> unknownTargets(TargetList list) {
        Map<TargetList.Line, String> codes = new LinkedHashMap<>();
        for (TargetList.Line line : list.lines()) {
            codes.put(line, InseeCode.isValid(line.code())
                    ? AuthorityCodes.townHall(InseeCode.of(line.code()).value()) : line.code());
        }
        Set<String> known = authorities.authoritiesByCode(Set.copyOf(codes.values())).keySet();
        return codes.entrySet().stream()
                .filter(e -> !known.contains(e.getValue()))
                .map(e -> TargetList.Problem.notACode(e.getKey().number(), e.getKey().code(), true))
                .toList();
    }

    /**
     * The last execution of a campaign's job, or null. Not {@link JobRepository#getLastJobExecution}: it reads in a
     * SERIALIZABLE transaction, whose shared locks deadlock with the running job's writes (MariaDB then rolls back
     * one of the two, possibly the job's chunk); progress is read often while the job runs.
     */
    private JobExecution lastExecution(long campaignId) {
        JobInstance instance = jobRepository.getJobInstance(JOB_NAME,
                new JobParametersBuilder().addLong(CAMPAIGN_ID, campaignId).toJobParameters());
        return instance == null ? null : jobRepository.getJobExecutions(instance).stream()
                .max(java.util.Comparator.comparingLong(JobExecution::getId)).orElse(null);
    }

    /** Targets left out, with the reason, for the people launching the campaign. */
    public List<String> skipped(long campaignId, int limit) {
        campaign(campaignId);
        return store.outcomes(campaignId, limit);
    }

    /**
     * A process killed in the middle of the job leaves its execution STARTED in the job repository, which would
     * refuse to restart it. The campaign records which process runs it ({@code host:pid}); when that process is
     * gone, the execution is marked failed so that this start resumes it.
     */
    private void recoverAbandonedExecution(long campaignId, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(JOB_NAME, parameters);
        if (instance == null) {
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last == null || !last.getStatus().isRunning()) {
            return;
        }
        String runner = store.runner(campaignId).orElse(null);
        if (CampaignJobListener.alive(runner, last)) {
            throw new fr.lanterne.shared.ConflictException("La campagne " + campaignId + " est déjà en cours dans un autre "
                    + "processus (" + runner + ") : attendez qu'il finisse ou arrêtez-le.", Map.of("runner", runner));
        }
        jobOperator.recover(last);
        dispatcher.recoverInterrupted(campaignId);
    }

    CampaignStore.Campaign campaign(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Aucune campagne n'a le numéro " + id + ".", Map.of("campaign", id));
    }

    // --- choosing the targets ----------------------------------------------------------------------------------

    /** @param outcome why it is left out, or null when it gets its request (by {@code channel}) */
    private record PlannedTarget(Authority authority, String template, Channel channel, String outcome,
                                 boolean addressMissing) {
    }

    private List<PlannedTarget> targets(NewCampaign campaign) {
        campaign.templates().forEach(requestRules::requestTemplate);
        Set<String> codes = authorityCodes(campaign.targets());
        Map<String, Authority> found = authorities.authoritiesByCode(codes);
        TargetScreening screening = new TargetScreening(store.openKeys(campaign.templates()),
                store.recentKeys(campaign.templates(),
                        clock.instant().minus(properties.minIntervalBetweenIdenticalRequests())),
                properties.minIntervalBetweenIdenticalRequests());
        List<PlannedTarget> targets = new ArrayList<>();
        for (String code : codes) {
            Authority authority = found.get(code);
            if (authority == null) {
                throw new InvalidInputException("Aucun organisme n'a le code « " + code + " ».", Map.of("code", code));
            }
            for (String template : campaign.templates()) {
                TargetScreening.Screened screened = screening.screen(authority, template, campaign.channel());
                targets.add(new PlannedTarget(authority, template, screened.channel(), screened.outcome(),
                        screened.addressMissing()));
            }
        }
        return targets;
    }

    private Set<String> authorityCodes(CampaignTargets targets) {
        Set<String> insee = new LinkedHashSet<>();
        for (String code : targets.insee()) {
            insee.add(authorities.commune(code).insee());
        }
        if (targets.departement() != null || targets.minPopulation() != null) {
            insee.addAll(authorities.communeCodes(targets.departement(), targets.minPopulation()));
        }
        if (targets.registry()) {
            insee.addAll(registry.communesWithDeployments());
        }
        Set<String> codes = new LinkedHashSet<>();
        insee.forEach(code -> codes.add(AuthorityCodes.townHall(code)));
        for (String line : targets.authorityCodes()) {
            String code = line.strip();
            if (code.isEmpty()) {
                continue;
            }
            codes.add(InseeCode.isValid(code) ? AuthorityCodes.townHall(authorities.commune(code).insee()) : code);
        }
        for (String siren : targets.epci()) {
            codes.add(authorities.epci(siren).authorityCode());
        }
        if (targets.epciDepartement() != null) {
            authorities.epciSirensOfDepartement(targets.epciDepartement())
                    .forEach(siren -> codes.add(AuthorityCodes.epci(siren)));
        }
        return codes;
    }

    private CampaignPlan toPlan(List<PlannedTarget> targets, int listedSize) {
        int email = 0;
        int post = 0;
        List<String> sample = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<PlannedRequest> listed = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Map<String, AddressMissing> withoutAddress = new LinkedHashMap<>();
        for (PlannedTarget t : targets) {
            if (t.addressMissing()) {
                withoutAddress.putIfAbsent(t.authority().code(), new AddressMissing(t.authority().code(),
                        t.authority().name(), t.authority().kind() == AuthorityKind.TOWN_HALL
                        ? t.authority().communeInsee() : null));
            }
            if (t.outcome() != null) {
                skipped.add(t.authority().name() + " (" + t.template() + ") : " + t.outcome());
                reasons.merge(t.outcome(), 1, Integer::sum);
            } else {
                if (listed.size() < listedSize) {
                    listed.add(new PlannedRequest(t.authority().code(), t.authority().name(), t.template(),
                            t.channel()));
                }
                if (t.channel() == Channel.EMAIL) {
                    email++;
                } else {
                    post++;
                }
                if (sample.size() < 10) {
                    sample.add(t.authority().name() + " (" + t.template() + ", " + t.channel().label() + ")");
                }
            }
        }
        Map<String, Integer> byReason = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> byReason.put(e.getKey(), e.getValue()));
        return new CampaignPlan(targets.size(), email + post, email, post, sample, skipped, listed, byReason,
                List.copyOf(withoutAddress.values()));
    }

    private static String describe(CampaignTargets targets) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (!targets.insee().isEmpty()) {
            parts.put("insee", FrenchCount.of(targets.insee().size(), "commune", "communes"));
        }
        if (targets.departement() != null) {
            parts.put("departement", "département " + targets.departement());
        }
        if (targets.minPopulation() != null) {
            parts.put("population", "≥ " + targets.minPopulation() + " hab.");
        }
        if (targets.registry()) {
            parts.put("registry", "communes du registre");
        }
        if (!targets.authorityCodes().isEmpty()) {
            parts.put("csv", FrenchCount.of(targets.authorityCodes().size(), "organisme", "organismes")
                    + " d'une liste");
        }
        if (!targets.epci().isEmpty()) {
            parts.put("epci", FrenchCount.of(targets.epci().size(), "intercommunalité", "intercommunalités"));
        }
        if (targets.epciDepartement() != null) {
            parts.put("epciDepartement", "intercommunalités du département " + targets.epciDepartement());
        }
        return String.join(", ", parts.values());
    }
}

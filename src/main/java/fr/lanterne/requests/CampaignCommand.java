package fr.lanterne.requests;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.cli.CliCommand;
import fr.lanterne.settings.Settings;
import fr.lanterne.cli.CommandUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "campaign", description = "Campagnes : la même demande à de nombreuses communes.",
        mixinStandardHelpOptions = true,
        subcommands = {CampaignCommand.Launch.class, CampaignCommand.Resume.class, CampaignCommand.Show.class})
public final class CampaignCommand {

    @Command(name = "launch", mixinStandardHelpOptions = true,
            description = {"Crée et lance une campagne : une demande par commune (ou organisme) et par modèle.",
                    "Les critères s'additionnent. Exemple : campaign launch --template vsa --departement 06",
                    "Si elle est interrompue : campaign resume NUMÉRO (rien n'est créé ni envoyé deux fois)."})
    static final class Launch implements CliCommand {
        @Option(names = "--template", required = true, paramLabel = "MODÈLE", description = "Répétable : vsa, cctv…")
        List<String> templates;

        @Option(names = "--insee", paramLabel = "CODE", split = ",", description = "Codes INSEE (répétable, ou séparés par des virgules).")
        List<String> insee = new ArrayList<>();

        @Option(names = "--departement", paramLabel = "DÉP")
        String departement;

        @Option(names = "--min-population", paramLabel = "N",
                description = "Communes d'au moins N habitants (dans le département s'il est donné).")
        Integer minPopulation;

        @Option(names = "--registry", description = "Toutes les communes du registre des déploiements.")
        boolean registry;

        @Option(names = "--epci", paramLabel = "SIREN", split = ",",
                description = "Intercommunalités par leur SIREN (répétable, ou séparés par des virgules).")
        List<String> epci = new ArrayList<>();

        @Option(names = "--epci-departement", paramLabel = "DÉP",
                description = "Toutes les intercommunalités ayant une commune membre dans ce département.")
        String epciDepartement;

        @Option(names = "--csv", paramLabel = "FICHIER",
                description = "Une ligne par destinataire : code INSEE ou code d'organisme (première colonne).")
        Path csv;

        @Option(names = "--channel", paramLabel = "CANAL",
                description = "EMAIL ou POST ; par défaut le courriel s'il est connu, sinon la poste.")
        Channel channel;

        @Option(names = "--name", paramLabel = "NOM")
        String name;

        @Option(names = "--dry-run", description = "Montre ce qui serait fait, sans rien créer ni envoyer.")
        boolean dryRun;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) throws IOException {
            Campaigns campaigns = context.getBean(Campaigns.class);
            NewCampaign campaign = new NewCampaign(name, templates, new CampaignTargets(insee, departement,
                    minPopulation, registry, csv == null ? List.of() : readCsv(csv), epci, epciDepartement), channel);
            CampaignPlan plan = campaigns.plan(campaign);
            printPlan(out, plan);
            if (dryRun) {
                if (!context.getBean(Settings.class).identityComplete()) {
                    out.println("Attention : l’identité du demandeur n’est pas complète ; la campagne ne pourra "
                            + "être lancée qu’une fois complétée (Réglages › Identité du demandeur, ou "
                            + "settings identity set).");
                }
                out.println("Simulation : rien n'a été créé ni envoyé.");
                return 0;
            }
            long id = campaigns.create(campaign, CommandUser.name());
            out.printf("Campagne n° %d créée. En cas d'interruption : campaign resume %d%n", id, id);
            return report(context, out, campaigns.run(id, progressBar(plan.requests())));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Reprend une campagne interrompue là où elle s'était arrêtée.")
    static final class Resume implements CliCommand {
        @Parameters(paramLabel = "NUMÉRO")
        long id;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Campaigns campaigns = context.getBean(Campaigns.class);
            CampaignProgress before = campaigns.progress(id);
            return report(context, out, campaigns.run(id, progressBar(before.planned())));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Où en est une campagne.")
    static final class Show implements CliCommand {
        @Parameters(paramLabel = "NUMÉRO")
        long id;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Campaigns campaigns = context.getBean(Campaigns.class);
            CampaignProgress progress = campaigns.progress(id);
            printProgress(context, out, progress);
            campaigns.skipped(id, 20).forEach(s -> out.println("  écartée : " + s));
            return 0;
        }
    }

    static List<String> readCsv(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Le fichier « " + file + " » n'existe pas.");
        }
        TargetList list = TargetList.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        if (!list.errors().isEmpty()) {
            throw new InvalidInputException(file.getFileName() + ", " + String.join(" ; ", list.errors().stream()
                    .limit(10).toList()) + (list.errors().size() > 10 ? " ; …" : ""),
                    Map.of("lines", list.errors().size()));
        }
        return list.codes();
    }

    private static void printPlan(PrintWriter out, CampaignPlan plan) {
        out.printf("%s (destinataires × modèles) : %s (%d par courriel, %d par la poste), %s.%n",
                FrenchCount.of(plan.targets(), "envoi prévu", "envois prévus"),
                FrenchCount.of(plan.requests(), "demande à créer", "demandes à créer"), plan.email(), plan.post(),
                FrenchCount.of(plan.skipped().size(), "écartée", "écartées"));
        plan.sample().forEach(s -> out.println("  " + s));
        if (plan.requests() > plan.sample().size()) {
            out.println("  …");
        }
        plan.skipped().stream().limit(10).forEach(s -> out.println("  écartée : " + s));
        if (plan.skipped().size() > 10) {
            out.printf("  … et %d autres écartées.%n", plan.skipped().size() - 10);
        }
    }

    private static int report(MessageSource messages, PrintWriter out, CampaignProgress progress) {
        System.err.println();
        printProgress(messages, out, progress);
        return progress.state() == CampaignState.COMPLETED ? 0 : 1;
    }

    private static void printProgress(MessageSource messages, PrintWriter out, CampaignProgress p) {
        out.printf("Campagne n° %d « %s » : %s.%n", p.id(), p.name(),
                messages.getMessage(p.state().messageKey(), null, Locale.FRENCH));
        out.printf("  %s, %s, %s.%n", FrenchCount.of(p.planned(), "demande prévue", "demandes prévues"),
                FrenchCount.of(p.created(), "créée", "créées"), FrenchCount.of(p.skipped(), "écartée", "écartées"));
        p.requestsByStatus().forEach((status, count) -> out.printf("  %-28s %d%n", status.label(), count));
        if (p.printFile() != null) {
            out.printf("  Lettres à imprimer et poster : %s/%n", p.printFile());
        }
    }

    /** A progress bar on standard error, so that standard output stays the report. */
    private static java.util.function.Consumer<CampaignProgress> progressBar(int total) {
        return p -> {
            int done = p.ready();
            int width = 30;
            int filled = total == 0 ? width : (int) Math.min(width, (long) done * width / total);
            System.err.printf("\r[%s%s] %d/%d lettres prêtes · %d créées · %d envoyées ", "#".repeat(filled),
                    ".".repeat(width - filled), done, total, p.created(),
                    p.requestsByStatus().getOrDefault(RequestStatus.SENT, 0));
            System.err.flush();
        };
    }
}

package fr.lanterne.registry;

import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.CommandUser;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registry", description = "Registre des déploiements de surveillance.", mixinStandardHelpOptions = true,
        subcommands = {RegistryCommand.ListDeployments.class, RegistryCommand.Add.class, RegistryCommand.Update.class,
                RegistryCommand.AddSource.class, RegistryCommand.Delete.class, RegistryCommand.History.class})
public final class RegistryCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les déploiements.")
    static final class ListDeployments implements CliCommand {
        @Option(names = "--insee", paramLabel = "CODE", description = "Commune (code INSEE).")
        String insee;

        @Option(names = "--departement", paramLabel = "DÉP")
        String departement;

        @Option(names = "--vendor", paramLabel = "FOURNISSEUR")
        String vendor;

        @Option(names = "--technology", paramLabel = "TECHNO",
                description = "CCTV, VSA, FACIAL_RECOGNITION, SOUND_SENSORS, DRONES.")
        Technology technology;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            List<Deployment> deployments = context.getBean(Registry.class).find(new DeploymentQuery(insee, departement,
                    vendor, technology, null, null, DeploymentQuery.MAX_LIMIT, 0));
            if (deployments.isEmpty()) {
                out.println("Aucun déploiement.");
            }
            deployments.forEach(d -> print(out, d));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Ajoute un déploiement au registre.")
    static final class Add implements CliCommand {
        @Option(names = "--insee", paramLabel = "CODE", description = "Commune concernée (code INSEE).")
        String insee;

        @Option(names = "--authority", paramLabel = "ORGANISME",
                description = "Exploitant, si ce n'est pas la mairie (region-93, ratp…).")
        String authority;

        @Option(names = "--technology", required = true, paramLabel = "TECHNO")
        Technology technology;

        @Option(names = "--status", required = true, paramLabel = "STATUT",
                description = "ANNOUNCED, EXPERIMENT, DEPLOYED, ABANDONED, BLOCKED_BY_REGULATOR, BLOCKED_BY_COURT.")
        DeploymentStatus status;

        @Option(names = "--vendor", paramLabel = "FOURNISSEUR")
        String vendor;

        @Option(names = "--product", paramLabel = "PRODUIT")
        String product;

        @Option(names = "--since", paramLabel = "ANNÉE")
        Integer since;

        @Option(names = "--place", paramLabel = "LIEU")
        String place;

        @Option(names = "--cameras", paramLabel = "N")
        Integer cameraCount;

        @Option(names = "--summary", paramLabel = "RÉSUMÉ")
        String summary;

        @Option(names = "--source-url", paramLabel = "URL")
        String sourceUrl;

        @Option(names = "--quote", paramLabel = "CITATION")
        String quote;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            List<SourceDraft> sources = new ArrayList<>();
            if (sourceUrl != null || quote != null) {
                sources.add(new SourceDraft(sourceUrl, null, quote, null, LocalDate.now(context.getBean(Clock.class))));
            }
            Deployment created = context.getBean(Registry.class).create(new DeploymentDraft(insee, authority,
                    technology,
                    vendor, product, status, since, place, cameraCount, summary, sources), CommandUser.name());
            out.print("Ajouté : ");
            print(out, created);
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Modifie un déploiement (les options absentes restent inchangées ; \"\" efface un texte).")
    static final class Update implements CliCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--technology", paramLabel = "TECHNO")
        Technology technology;

        @Option(names = "--status", paramLabel = "STATUT")
        DeploymentStatus status;

        @Option(names = "--vendor", paramLabel = "FOURNISSEUR")
        String vendor;

        @Option(names = "--product", paramLabel = "PRODUIT")
        String product;

        @Option(names = "--since", paramLabel = "ANNÉE")
        Integer since;

        @Option(names = "--place", paramLabel = "LIEU")
        String place;

        @Option(names = "--cameras", paramLabel = "N")
        Integer cameraCount;

        @Option(names = "--summary", paramLabel = "RÉSUMÉ")
        String summary;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Registry registry = context.getBean(Registry.class);
            int version = registry.deployment(id).version();
            Deployment updated = registry.update(id, new DeploymentChanges(version, technology, vendor, product, status,
                    since, place, cameraCount, summary), CommandUser.name());
            out.print("Modifié : ");
            print(out, updated);
            return 0;
        }
    }

    @Command(name = "add-source", mixinStandardHelpOptions = true, description = "Ajoute une source à un déploiement.")
    static final class AddSource implements CliCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--url", paramLabel = "URL")
        String url;

        @Option(names = "--title", paramLabel = "TITRE")
        String title;

        @Option(names = "--quote", paramLabel = "CITATION")
        String quote;

        @Option(names = "--document", paramLabel = "SHA256", description = "Empreinte d'un document stocké par "
                + "Lanterne.")
        String document;

        @Option(names = "--seen-on", paramLabel = "AAAA-MM-JJ", description = "Date de consultation (par défaut : "
                + "aujourd'hui).")
        LocalDate seenOn;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Deployment updated = context.getBean(Registry.class).addSource(id,
                    new SourceDraft(url, title, quote, document, seenOn == null
                            ? LocalDate.now(context.getBean(Clock.class)) : seenOn),
                    CommandUser.name());
            print(out, updated);
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Retire un déploiement du registre (il reste dans l'historique).")
    static final class Delete implements CliCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Registry registry = context.getBean(Registry.class);
            registry.delete(id, registry.deployment(id).version(), CommandUser.name());
            out.printf("Déploiement %d retiré du registre.%n", id);
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Historique des modifications.")
    static final class History implements CliCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            for (HistoryEntry entry : context.getBean(Registry.class).history(id)) {
                out.printf("%s  %-14s %-24s %s%n", entry.changedAt(), entry.action(), entry.changedBy(),
                        entry.changes());
            }
            return 0;
        }
    }

    static void print(PrintWriter out, Deployment d) {
        out.printf("#%d  %s %s — %s%s%s — %s%s (%s, v%d)%n", d.id(), d.communeInsee(), d.communeName(),
                d.technology().label(), d.vendor() == null ? "" : ", " + d.vendor(),
                d.product() == null ? "" : " " + d.product(), d.status().label(),
                d.since() == null ? "" : " depuis " + d.since(), d.authorityName(), d.version());
        for (Source source : d.sources()) {
            out.printf("      source : %s%n", source.url() != null ? source.url()
                    : "« " + abbreviate(source.quote()) + " »");
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 99) + "…";
    }
}

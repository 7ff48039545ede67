package fr.lanterne.search;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.cli.CliCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Recherche dans le texte des documents obtenus, et reconstruction de l'index de recherche.",
                "L'index est dans le dossier search/ du dossier de données ; le serveur le tient ouvert : pendant qu'il",
                "tourne, cherchez depuis la page Recherche ou l'API (/api/search)."},
        subcommands = {SearchCommand.Query.class, SearchCommand.Reindex.class, SearchCommand.Status.class})
public final class SearchCommand {

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = {"Cherche des mots dans les documents obtenus ; affiche chaque page trouvée et son passage.",
                    "Syntaxe : mots, \"expression exacte\", OR, NOT, début* ; filtres departement:13, fournisseur:X…"})
    static final class Query implements CliCommand {
        @Parameters(paramLabel = "MOTS", arity = "0..*")
        List<String> words = List.of();

        @Option(names = "--departement", paramLabel = "DÉP", split = ",")
        String[] departements;

        @Option(names = "--insee", paramLabel = "CODE", split = ",", description = "Commune (code INSEE).")
        String[] communes;

        @Option(names = "--technology", paramLabel = "TECHNO", split = ",",
                description = "CCTV, VSA, FACIAL_RECOGNITION, SOUND_SENSORS, DRONES.")
        String[] technologies;

        @Option(names = "--vendor", paramLabel = "FOURNISSEUR", split = ",")
        String[] vendors;

        @Option(names = "--kind", paramLabel = "TYPE", split = ",",
                description = "DELIBERATION, PUBLIC_CONTRACT, IMPACT_ASSESSMENT, PREFECTORAL_ORDER, AGREEMENT, "
                        + "INVOICE, REFUSAL_LETTER, OTHER.")
        String[] kinds;

        @Option(names = "--year", paramLabel = "ANNÉE", split = ",", description = "Année de réception.")
        String[] years;

        @Option(names = "--sort", paramLabel = "ORDRE", description = "RELEVANCE (défaut) ou DATE.")
        SearchSort sort;

        @Option(names = "--page", paramLabel = "N", defaultValue = "1")
        int page;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            SearchResult result = context.getBean(Search.class).search(SearchQuery.builder()
                    .text(String.join(" ", words)).departement(departements).commune(communes)
                    .technology(technologies).vendor(vendors).kind(kinds).year(years).sort(sort)
                    .page(page).build());
            if (result.notice() != null) {
                out.println(result.notice());
            }
            out.printf("%s.%n", FrenchCount.of(result.total(), "page trouvée", "pages trouvées"));
            int rank = (result.page() - 1) * result.size();
            for (SearchHit hit : result.hits()) {
                out.printf("%n%d. %s — p. %d%n   %s%s · %s%n   %s%n", ++rank, hit.title(), hit.page(),
                        hit.communeName() != null ? hit.communeName() : hit.authorityName() != null
                                ? hit.authorityName() : "expéditeur inconnu",
                        hit.departement() == null ? "" : " (" + hit.departement() + ")", hit.sha256(),
                        hit.plainPassage());
            }
            for (var facet : result.facets().entrySet()) {
                if (!facet.getValue().isEmpty()) {
                    out.printf("%n%s : %s", facet.getKey(), String.join(", ", facet.getValue().stream()
                            .limit(8).map(v -> v.label() + " (" + v.count() + ")").toList()));
                }
            }
            out.println();
            return 0;
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Reconstruit l'index de recherche à partir de la base (après une restauration, une mise à "
                    + "jour de l'analyse du français, ou un dossier search/ perdu).")
    static final class Reindex implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Search.Reindexed done = context.getBean(Search.class).reindex();
            out.printf("Index reconstruit : %s, %s.%n", FrenchCount.of(done.documents(), "document", "documents"),
                    FrenchCount.of(done.pages(), "page", "pages"));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Pages indexées et documents en attente d'indexation.")
    static final class Status implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Search search = context.getBean(Search.class);
            int indexed = search.indexQueued();
            Search.Status status = search.status();
            if (indexed > 0) {
                out.printf("%s maintenant.%n", FrenchCount.of(indexed, "document en attente indexé",
                        "documents en attente indexés"));
            }
            out.printf("%s ; %s en attente.%n", FrenchCount.of(status.pages(), "page indexée", "pages indexées"),
                    FrenchCount.of(status.queued(), "document", "documents"));
            return 0;
        }
    }
}

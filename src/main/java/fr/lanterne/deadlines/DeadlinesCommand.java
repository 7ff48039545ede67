package fr.lanterne.deadlines;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.OfficialCommuneList;
import fr.lanterne.cli.StandaloneCommand;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.shared.Paris;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "deadlines", description = "Délais légaux (CRPA) et tâche de nuit.", mixinStandardHelpOptions = true,
        subcommands = {DeadlinesCommand.Explain.class, NightlyJobCommand.class})
public final class DeadlinesCommand {

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Calcule la chaîne des délais d'une demande, sans base de données :",
                    "refus implicite, saisine de la CADA, avis, refus confirmé, tribunal ; chaque date avec son "
                            + "article.",
                    "Exemple : deadlines explain --received 2026-01-31 --insee 57463 --json"})
    static final class Explain implements StandaloneCommand {
        @Option(names = "--received", required = true, paramLabel = "AAAA-MM-JJ",
                description = "Date de réception de la demande par l'administration.")
        LocalDate received;

        @Option(names = "--insee", required = true, paramLabel = "CODE",
                description = "Commune de l'administration (ses jours fériés prorogent les délais).")
        String insee;

        @Option(names = "--refused", paramLabel = "AAAA-MM-JJ", description = "Date de réception d'un refus exprès.")
        LocalDate refused;

        @Option(names = "--cada-registered", paramLabel = "AAAA-MM-JJ",
                description = "Date d'enregistrement de la saisine par la CADA.")
        LocalDate cadaRegistered;

        @Option(names = "--acknowledgement-remedies", paramLabel = "oui|non",
                description = "L'accusé de réception mentionnait-il les délais et voies de recours contre le refus "
                        + "implicite (CRPA L112-6, R112-5) ?")
        String acknowledgementRemedies;

        @Option(names = "--refusal-remedies", paramLabel = "oui|non",
                description = "Le refus mentionnait-il la saisine de la CADA, son délai et les voies de recours "
                        + "(CJA R421-5) ?")
        String refusalRemedies;

        @Option(names = "--json", description = "Sortie JSON (étape, date au plus tôt, au plus tard, base légale, "
                + "délai opposable ou non).")
        boolean json;

        @Override
        public int execute(PrintWriter out) {
            OfficialCommuneList communes = OfficialCommuneList.bundled();
            String departement = communes.departementOf(insee).orElseThrow(() -> new InvalidInputException(
                    "Aucune commune actuelle n'a le code INSEE « " + insee + " » dans la liste officielle (édition "
                            + communes.edition() + ").", Map.of("insee", String.valueOf(insee))));
            DeadlineChain chain = new DeadlineCalculator(new PublicHolidays(), Clock.system(Paris.ZONE))
                    .explain(Deadlines.factsOf(received, departement, refused, cadaRegistered, new RemedyMentions(
                            yesNo(acknowledgementRemedies, "--acknowledgement-remedies"),
                            yesNo(refusalRemedies, "--refusal-remedies"))));
            if (json) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(chain));
            } else {
                out.printf("%s (%s), département %s — au %s : %s%n", communes.nameOf(insee).orElse(insee), insee,
                        chain.departement(), chain.asOf(), chain.stage().label());
                for (Deadline step : chain.steps()) {
                    out.printf("  %-40s %s%s   [%s]%n", step.name(), step.earliest(),
                            step.disputed() ? " au " + step.latest() : "",
                            step.basis().stream().map(LegalBasis::article).collect(Collectors.joining(", ")));
                    out.printf("      %s%n", step.explanation());
                }
            }
            return 0;
        }

        private static Boolean yesNo(String value, String option) {
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "oui" -> true;
                case "non" -> false;
                default -> throw new InvalidInputException(option + " attend « oui » ou « non », pas « " + value
                        + " ».", Map.of("option", option));
            };
        }
    }
}

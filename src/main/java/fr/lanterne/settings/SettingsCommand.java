package fr.lanterne.settings;

import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.CommandUser;
import fr.lanterne.users.PublicAddress;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "settings", description = "Réglages : qui signe les demandes, l'adresse publique de Lanterne.",
        mixinStandardHelpOptions = true,
        subcommands = {SettingsCommand.Identity.class, SettingsCommand.PublicUrl.class})
public final class SettingsCommand {

    @Command(name = "identity", mixinStandardHelpOptions = true,
            description = "L'identité du demandeur : tant qu'elle n'est pas complète, aucune demande ne part.",
            subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class, SettingsCommand.Clear.class})
    static final class Identity {
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Montre l'identité du demandeur, ou ce qu'il lui manque.")
    static final class Show implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Settings settings = context.getBean(Settings.class);
            settings.requesterIdentity().ifPresentOrElse(identity -> {
                out.printf("Demandeur (%s) :%n", identity.kind().label());
                out.println("  " + identity.displayName());
                identity.details().forEach(line -> out.println("  " + line));
                identity.postalAddress().lines().forEach(line -> out.println("  " + line));
                out.println("  " + identity.mailbox() + " (réponses à " + identity.replyAddress("LNT-…") + ")");
                out.println("Lieu de signature : " + identity.place());
            }, () -> {
                out.println("L’identité du demandeur n’est pas complète : aucune demande ne part.");
                settings.identityDraft().problems().forEach((field, problem) ->
                        out.printf("  --%s : %s%n", option(field), problem));
            });
            out.println("Adresse publique : " + context.getBean(PublicAddress.class).base().map(URI::toString)
                    .orElse("(aucune)"));
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Enregistre l'identité du demandeur (ce qui n'est pas donné reste tel quel). Exemples :",
                    "  settings identity set --kind NATURAL_PERSON --surname Martin --given-names Camille "
                            + "--home-address \"12 rue de la Préfecture / 06300 Nice\" --mailbox demandes@exemple.org "
                            + "--place Nice",
                    "  settings identity set --kind LEGAL_PERSON --legal-form \"Association déclarée (loi 1901)\" "
                            + "--denomination \"Lanterne 06\" --seat-address \"1 rue de la Paix / 75002 Paris\" "
                            + "--representative-name \"Camille Martin\" --representative-title présidente"})
    static final class Set implements CliCommand {
        @Option(names = "--kind", paramLabel = "GENRE", description = "NATURAL_PERSON ou LEGAL_PERSON.")
        String kind;
        @Option(names = "--surname", paramLabel = "NOM")
        String surname;
        @Option(names = "--given-names", paramLabel = "PRÉNOMS")
        String givenNames;
        @Option(names = "--home-address", paramLabel = "ADRESSE", description = "Lignes séparées par « / ».")
        String homeAddress;
        @Option(names = "--legal-form", paramLabel = "FORME")
        String legalForm;
        @Option(names = "--denomination", paramLabel = "DÉNOMINATION")
        String denomination;
        @Option(names = "--seat-address", paramLabel = "ADRESSE", description = "Siège social, lignes séparées par « / "
                + "».")
        String seatAddress;
        @Option(names = "--representative-name", paramLabel = "NOM")
        String representativeName;
        @Option(names = "--representative-title", paramLabel = "QUALITÉ")
        String representativeTitle;
        @Option(names = "--letter-address", paramLabel = "ADRESSE",
                description = "L'adresse des lettres si ce n'est pas celle du domicile ou du siège (« - » : la même).")
        String letterAddress;
        @Option(names = "--mailbox", paramLabel = "COURRIEL", description = "La boîte où les administrations "
                + "répondent.")
        String mailbox;
        @Option(names = "--place", paramLabel = "LIEU", description = "Le lieu de signature.")
        String place;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Settings settings = context.getBean(Settings.class);
            IdentityDraft d = settings.identityDraft();
            IdentityDraft draft = new IdentityDraft(or(kind, d.kind()), or(surname, d.surname()),
                    or(givenNames, d.givenNames()), or(homeAddress, d.homeAddress()), or(legalForm, d.legalForm()),
                    or(denomination, d.denomination()), or(seatAddress, d.seatAddress()),
                    or(representativeName, d.representativeName()),
                    or(representativeTitle, d.representativeTitle()),
                    "-".equals(letterAddress) ? null : or(letterAddress, d.letterAddress()), or(mailbox, d.mailbox()),
                    or(place, d.place()));
            Map<String, String> problems = draft.problems();
            if (!problems.isEmpty()) {
                out.println("L’identité n’est pas enregistrée :");
                problems.forEach((field, problem) -> out.printf("  --%s : %s%n", option(field), problem));
                return 1;
            }
            RequesterIdentity identity = settings.saveIdentity(draft, CommandUser.name());
            out.printf("Identité du demandeur enregistrée : %s (%s).%n", identity.displayName(),
                    identity.kind().label());
            return 0;
        }

        private static String or(String given, String current) {
            return given != null ? given : current;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Oublie l'identité du demandeur : plus rien ne part avant qu'elle soit de nouveau complète.")
    static final class Clear implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            context.getBean(Settings.class).clearIdentity();
            out.println("Identité du demandeur effacée : aucune demande ne part avant qu’elle soit complétée.");
            return 0;
        }
    }

    @Command(name = "public-url", mixinStandardHelpOptions = true,
            description = "L'adresse à laquelle les bénévoles ouvrent Lanterne (https://lanterne.exemple.org) ; "
                    + "« - » l'oublie.")
    static final class PublicUrl implements CliCommand {
        @Parameters(paramLabel = "ADRESSE")
        String url;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Settings settings = context.getBean(Settings.class);
            out.println(settings.savePublicUrl("-".equals(url) ? null : url, CommandUser.name())
                    .map(saved -> "Adresse publique enregistrée : " + saved + ".")
                    .orElse("Adresse publique oubliée."));
            return 0;
        }
    }

    /** The option of a field of the identity: givenNames → given-names. */
    static String option(String field) {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}

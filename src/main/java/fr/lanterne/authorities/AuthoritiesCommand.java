package fr.lanterne.authorities;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.CommandUser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "authorities", description = "Communes et organismes destinataires des demandes.",
        mixinStandardHelpOptions = true,
        subcommands = {
                AuthoritiesCommand.ImportContacts.class,
                AuthoritiesCommand.ImportCommunes.class,
                AuthoritiesCommand.Search.class,
                AuthoritiesCommand.Show.class,
                AuthoritiesCommand.SetContact.class})
public final class AuthoritiesCommand {

    @Command(name = "import-contacts", mixinStandardHelpOptions = true,
            description = {"Importe les adresses des mairies depuis un fichier :",
                    "- l'export CSV (« ; ») ou JSON de l'Annuaire de l'administration (Service-Public.fr / DILA),",
                    "- ou une liste CSV des bénévoles : insee,email,postal_address,source (et, facultative, "
                            + "prada_address :",
                    "  l'adresse où la PRADA reçoit les demandes, article R330-4 du CRPA).",
                    "Tout le fichier est vérifié d'abord : en cas d'erreur, rien n'est enregistré."})
    static final class ImportContacts implements CliCommand {
        @Parameters(paramLabel = "FICHIER")
        Path file;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            ContactImportReport report = context.getBean(Authorities.class).importContacts(file, CommandUser.name());
            out.printf("%s (%s)%n", report.file(), report.format());
            out.printf("  %s dans le fichier : %s, %d déjà à jour.%n",
                    FrenchCount.of(report.entries(), "mairie", "mairies"),
                    FrenchCount.of(report.recorded(), "adresse enregistrée", "adresses enregistrées"),
                    report.unchanged());
            if (!report.skipped().isEmpty()) {
                out.printf("  %s de côté :%n", FrenchCount.of(report.skipped().size(), "entrée laissée",
                        "entrées laissées"));
                report.skipped().stream().limit(20).forEach(s -> out.println("    " + s));
                if (report.skipped().size() > 20) {
                    out.printf("    … et %d autres.%n", report.skipped().size() - 20);
                }
            }
            return 0;
        }
    }

    @Command(name = "import-communes", mixinStandardHelpOptions = true,
            description = {"Charge une nouvelle édition de la liste officielle des communes :",
                    "le fichier .tgz de « npm pack @etalab/decoupage-administratif@VERSION », ou le dossier extrait.",
                    "Les communes disparues restent connues (non actuelles), avec leur successeur s'il y en a un."})
    static final class ImportCommunes implements CliCommand {
        @Parameters(paramLabel = "SOURCE")
        Path source;

        @Option(names = "--force", description = "Recharge même si cette édition est déjà chargée.")
        boolean force;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Authorities.EditionLoad load = context.getBean(Authorities.class).loadCommuneEdition(source, force);
            if (load.alreadyLoaded()) {
                out.printf("Édition %s déjà chargée : rien à faire (--force pour recharger).%n", load.edition());
            } else {
                out.printf("Édition %s chargée en %d ms : %d entrées, %d nouvelles, %d renommées, %d disparues.%n",
                        load.edition(), load.millis(), load.entries(), load.added(), load.renamed(), load.removed());
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Cherche une commune par nom, code INSEE ou code postal.")
    static final class Search implements CliCommand {
        @Parameters(paramLabel = "TEXTE", arity = "1..*")
        List<String> words;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            List<Commune> found = context.getBean(Authorities.class).search(String.join(" ", words), 20);
            if (found.isEmpty()) {
                out.println("Aucune commune trouvée.");
            }
            for (Commune c : found) {
                out.printf("%s  %-40s %s (%s)%s%n", c.insee(), c.name(), c.departementName(), c.departement(),
                        c.kind() == CommuneKind.COMMUNE ? "" : "  — " + c.kind().label() + " de " + c.parentName());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Affiche une commune et l'adresse de sa mairie.")
    static final class Show implements CliCommand {
        @Parameters(paramLabel = "INSEE")
        String insee;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Authorities authorities = context.getBean(Authorities.class);
            Commune commune = authorities.commune(insee);
            out.printf("%s (%s) — %s, %s%n", commune.name(), commune.insee(), commune.departementName(),
                    commune.regionName());
            out.printf("Population : %s%n", commune.population() == null ? "inconnue" : commune.population());
            Authority townHall = authorities.townHall(insee);
            printAuthority(out, townHall);
            return 0;
        }
    }

    @Command(name = "set-contact", mixinStandardHelpOptions = true,
            description = {"Saisit à la main l'adresse d'un organisme (prioritaire sur les imports).",
                    "ORGANISME : un code INSEE (sa mairie) ou un code d'organisme (prefecture-06, ratp…)."})
    static final class SetContact implements CliCommand {
        @Parameters(paramLabel = "ORGANISME")
        String authority;

        @Option(names = "--email", paramLabel = "COURRIEL")
        String email;

        @Option(names = "--address", paramLabel = "ADRESSE",
                description = "Adresse postale ; séparez les lignes par « / ».")
        String address;

        @Option(names = "--prada-address", paramLabel = "ADRESSE",
                description = "Adresse où la PRADA reçoit les demandes (CRPA R330-4) ; lignes séparées par « / ».")
        String pradaAddress;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            String code = InseeCode.isValid(authority) ? AuthorityCodes.townHall(InseeCode.of(authority).value())
                    : authority;
            Authority updated = context.getBean(Authorities.class)
                    .setContact(code, new ContactDetails(email, address, null, null, pradaAddress), CommandUser.name());
            printAuthority(out, updated);
            return 0;
        }
    }

    private static void printAuthority(PrintWriter out, Authority authority) {
        Contact contact = authority.contact();
        out.printf("%s [%s]%n", authority.name(), authority.code());
        out.printf("  Courriel : %s%n", contact.hasEmail()
                ? contact.email() + "  (" + contact.emailProvenance().source().label() + ")" : "inconnu");
        if (contact.hasPostalAddress()) {
            out.printf("  Adresse (%s) :%n", contact.addressProvenance().source().label());
            contact.postalAddress().lines().forEach(line -> out.println("    " + line));
        } else {
            out.println("  Adresse : inconnue — saisissez-la avec « authorities set-contact ».");
        }
        if (contact.pradaAddress() != null) {
            out.printf("  Adresse de la PRADA (%s) :%n", contact.pradaProvenance().source().label());
            contact.pradaAddress().lines().forEach(line -> out.println("    " + line));
        }
    }
}

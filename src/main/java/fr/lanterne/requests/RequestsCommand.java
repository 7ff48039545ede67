package fr.lanterne.requests;

import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.CommandUser;
import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.Paris;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "requests", description = "Demandes : créer, suivre, enregistrer ce que fait l'administration.",
        mixinStandardHelpOptions = true,
        subcommands = {RequestsCommand.Create.class, RequestsCommand.Show.class, RequestsCommand.Received.class,
                RequestsCommand.Sent.class, RequestsCommand.Answered.class, RequestsCommand.Refused.class,
                RequestsCommand.Cada.class, RequestsCommand.Withdraw.class, RequestsCommand.Retry.class,
                RequestsCommand.Letter.class, RequestsCommand.SendDue.class, RequestsCommand.Transmitted.class,
                RequestsCommand.SeriesInformed.class})
public final class RequestsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Crée une demande, rédige sa lettre et la met en file d'envoi.")
    static final class Create implements CliCommand {
        @Option(names = {"--authority", "--insee"}, required = true, paramLabel = "ORGANISME",
                description = "Code INSEE (sa mairie) ou code d'organisme (prefecture-06, ratp…).")
        String authority;

        @Option(names = "--template", required = true, paramLabel = "MODÈLE", description = "vsa, cctv, drones-sound…")
        String template;

        @Option(names = "--channel", paramLabel = "CANAL",
                description = "EMAIL ou POST ; par défaut le courriel s'il est connu, sinon la poste.")
        Channel channel;

        @Option(names = "--post-if-no-email", description = "Avec --channel EMAIL : passer à la poste sans courriel connu.")
        boolean postIfNoEmail;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails request = context.getBean(Requests.class)
                    .create(new NewRequest(authority, template, channel, postIfNoEmail), CommandUser.name());
            out.printf("Demande %s créée pour %s (%s, %s).%n", request.reference(), request.authorityName(),
                    request.template(), request.channel().label());
            out.printf("Lettre : %s%n", request.letterFile());
            out.println(request.channel() == Channel.EMAIL
                    ? "Elle partira au prochain envoi (chaque minute quand Lanterne tourne, ou : requests send-due)."
                    : "Imprimez-la, postez-la (de préférence en recommandé avec accusé de réception), puis : "
                    + "requests sent " + request.reference() + " --date AAAA-MM-JJ");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Affiche une demande et sa chronologie.")
    static final class Show implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).details(RequestReference.parse(reference));
            out.printf("%s — %s — %s%n", r.reference(), r.authorityName(), r.statusLabel());
            out.printf("Modèle %s, %s%s%n", r.template(), r.channel().label(),
                    r.lastError() == null ? "" : " — dernière erreur : " + r.lastError());
            for (TimelineEvent e : r.timeline()) {
                out.printf("  %s  %-28s %s%s%n", e.date() != null ? e.date() : e.recordedAt().atZone(Paris.ZONE)
                                .toLocalDate(), e.type().label(), e.actor(),
                        e.detail() == null ? "" : " — " + e.detail());
            }
            return 0;
        }
    }

    @Command(name = "received", mixinStandardHelpOptions = true,
            description = {"Enregistre la date à laquelle l'administration a reçu la demande",
                    "(accusé de réception, avis de réception du recommandé) : les délais légaux partent de là."})
    static final class Received implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--date", required = true, paramLabel = "AAAA-MM-JJ")
        LocalDate date;

        @Option(names = "--evidence", paramLabel = "PREUVE", description = "Ex. : « AR n° 1A 234 567 8901 2 ».")
        String evidence;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class)
                    .recordReceipt(RequestReference.parse(reference), date, evidence, CommandUser.name());
            out.printf("%s : reçue le %s par %s.%n", r.reference(), FrenchDates.format(r.dates().receivedOn()), r.authorityName());
            return 0;
        }
    }

    @Command(name = "transmitted", mixinStandardHelpOptions = true,
            description = {"Enregistre la transmission de la demande à l'administration qui détient les documents",
                    "(CRPA L311-2) ; les délais repartent de sa réception par celle-ci (CRPA R311-13).",
                    "Exemple : requests transmitted LNT-2026-000123 --to prefecture-06 --date 2026-03-10"})
    static final class Transmitted implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--to", required = true, paramLabel = "CODE",
                description = "Code de la nouvelle administration (ex. : prefecture-06) ou code INSEE de la commune.")
        String authority;

        @Option(names = "--date", required = true, paramLabel = "AAAA-MM-JJ", description = "Date de la transmission.")
        LocalDate date;

        @Option(names = "--received", paramLabel = "AAAA-MM-JJ",
                description = "Date de réception par la nouvelle administration, si elle est connue.")
        LocalDate received;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).recordTransmission(RequestReference.parse(reference),
                    authority, date, received, CommandUser.name());
            out.printf("%s : transmise à %s le %s%s.%n", r.reference(), r.authorityName(), FrenchDates.format(date),
                    received == null ? " ; enregistrez sa date de réception (requests received)"
                            : ", reçue le " + FrenchDates.format(received) + " : les délais repartent de cette date");
            return 0;
        }
    }

    @Command(name = "sent", mixinStandardHelpOptions = true,
            description = "Enregistre l'envoi d'une lettre postée (ou d'un courriel envoyé à la main).")
    static final class Sent implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--date", paramLabel = "AAAA-MM-JJ", description = "Par défaut : aujourd'hui.")
        LocalDate date;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).recordSent(RequestReference.parse(reference), date,
                    CommandUser.name());
            out.printf("%s : envoyée le %s.%n", r.reference(), FrenchDates.format(r.sentOn()));
            return 0;
        }
    }

    @Command(name = "answered", mixinStandardHelpOptions = true,
            description = "Enregistre une réponse (complète, ou partielle avec --partial).")
    static final class Answered implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--date", required = true, paramLabel = "AAAA-MM-JJ")
        LocalDate date;

        @Option(names = "--partial", description = "Une partie seulement des documents.")
        boolean partial;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class)
                    .recordAnswer(RequestReference.parse(reference), !partial, date, CommandUser.name());
            out.printf("%s : %s.%n", r.reference(), r.statusLabel());
            return 0;
        }
    }

    @Command(name = "refused", mixinStandardHelpOptions = true, description = "Enregistre un refus écrit (exprès).")
    static final class Refused implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--date", required = true, paramLabel = "AAAA-MM-JJ",
                description = "La date où vous avez reçu le refus.")
        LocalDate date;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class)
                    .recordRefusal(RequestReference.parse(reference), date, CommandUser.name());
            out.printf("%s : %s.%n", r.reference(), r.statusLabel());
            return 0;
        }
    }

    @Command(name = "cada", mixinStandardHelpOptions = true,
            description = "Enregistre une étape de la saisine de la CADA.")
    static final class Cada implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @ArgGroup(multiplicity = "1")
        Step step;

        static final class Step {
            @Option(names = "--referred", paramLabel = "AAAA-MM-JJ", description = "Date d'envoi de la saisine.")
            LocalDate referred;

            @Option(names = "--registered", paramLabel = "AAAA-MM-JJ",
                    description = "Date d'enregistrement par la CADA (son accusé de réception).")
            LocalDate registered;

            @Option(names = "--opinion", paramLabel = "AAAA-MM-JJ", description = "Date de l'avis de la CADA.")
            LocalDate opinion;
        }

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Requests requests = context.getBean(Requests.class);
            RequestReference ref = RequestReference.parse(reference);
            RequestDetails r = step.referred != null ? requests.recordCadaReferral(ref, step.referred, CommandUser.name())
                    : step.registered != null ? requests.recordCadaRegistration(ref, step.registered, CommandUser.name())
                    : requests.recordCadaOpinion(ref, step.opinion, CommandUser.name());
            out.printf("%s : %s.%n", r.reference(), r.statusLabel());
            return 0;
        }
    }

    @Command(name = "series-informed", mixinStandardHelpOptions = true,
            description = {"Enregistre la date à laquelle l'administration de la demande a été informée de la",
                    "saisine de la CADA pour la série dont la demande fait partie (CRPA L342-1)."})
    static final class SeriesInformed implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--date", required = true, paramLabel = "AAAA-MM-JJ",
                description = "Date d'envoi de l'information.")
        LocalDate date;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).recordSeriesInformed(RequestReference.parse(reference),
                    date, CommandUser.name());
            out.printf("%s : information de la saisine en série enregistrée au %s.%n", r.reference(),
                    date);
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Retire une demande.")
    static final class Withdraw implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).withdraw(RequestReference.parse(reference), null,
                    CommandUser.name());
            out.printf("%s : %s.%n", r.reference(), r.statusLabel());
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Remet en file d'envoi une demande en échec ou à l'envoi incertain",
                    "(après avoir vérifié qu'elle n'est pas partie), en changeant de canal si besoin."})
    static final class Retry implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = "--channel", paramLabel = "CANAL")
        Channel channel;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            RequestDetails r = context.getBean(Requests.class).retry(RequestReference.parse(reference), channel,
                    CommandUser.name());
            out.printf("%s : %s (%s).%n", r.reference(), r.statusLabel(), r.channel().label());
            return 0;
        }
    }

    @Command(name = "letter", mixinStandardHelpOptions = true, description = "Copie la lettre (PDF) d'une demande.")
    static final class Letter implements CliCommand {
        @Parameters(paramLabel = "RÉFÉRENCE")
        String reference;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FICHIER.pdf")
        Path output;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) throws Exception {
            Path pdf = context.getBean(Requests.class).letterPdf(RequestReference.parse(reference));
            Files.copy(pdf, output, StandardCopyOption.REPLACE_EXISTING);
            out.printf("Lettre copiée dans %s.%n", output);
            return 0;
        }
    }

    @Command(name = "send-due", mixinStandardHelpOptions = true,
            description = "Envoie maintenant les courriels en attente (le serveur le fait chaque minute).")
    static final class SendDue implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            out.println(context.getBean(Requests.class).sendDue(10_000) + ".");
            return 0;
        }
    }
}

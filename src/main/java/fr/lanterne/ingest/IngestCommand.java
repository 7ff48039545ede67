package fr.lanterne.ingest;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.UserError;
import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.CommandUser;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.RereadAttempt;
import fr.lanterne.ingest.DocumentRecords.Result;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Importe les documents reçus : un dossier (scans, pièces jointes, courriels .eml…) ou des fichiers.",
                "Chaque fichier est conservé, lu (OCR des scans si Tesseract est installé), rattaché à sa demande",
                "et classé ; les fichiers illisibles vont en quarantaine avec leur raison. Réimporter ne double rien."},
        subcommands = {IngestCommand.Quarantine.class, IngestCommand.Retry.class, IngestCommand.Mailbox.class,
                IngestCommand.Reread.class})
public final class IngestCommand implements CliCommand {

    @Parameters(paramLabel = "DOSSIER_OU_FICHIER", arity = "0..*")
    List<Path> inputs = List.of();

    @Option(names = "--reference", paramLabel = "RÉFÉRENCE",
            description = "La demande à laquelle ces documents répondent (sinon : la référence trouvée dedans).")
    String reference;

    @Override
    public int execute(ApplicationContext context, PrintWriter out) throws Exception {
        if (inputs.isEmpty()) {
            throw new InvalidInputException("Donnez un dossier ou des fichiers à importer.");
        }
        Map<Result, Integer> totals = new EnumMap<>(Result.class);
        IngestProgress progress = context.getBean(IngestProgress.class);
        progress.listen((file, report) -> print(out, file, report, totals));
        Documents documents = context.getBean(Documents.class);
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                JobExecution execution = context.getBean(JobOperator.class).start(
                        context.getBean("ingestFolderJob", Job.class), new JobParametersBuilder()
                                .addString(IngestJobConfiguration.FOLDER, input.toAbsolutePath().normalize().toString())
                                .addString("by", CommandUser.name(), false)
                                .addLong("run", context.getBean(Clock.class).millis())
                                .toJobParameters());
                if (!"COMPLETED".equals(execution.getStatus().name())) {
                    out.printf("L'import de %s s'est arrêté (%s) : relancez la même commande, il reprendra sans rien "
                            + "doubler.%n", input, execution.getStatus());
                    return 1;
                }
            } else if (Files.isRegularFile(input)) {
                Report report = documents.ingest(input, new DocumentRecords.Source(DocumentRecords.Channel.FOLDER,
                        input.toAbsolutePath().normalize().toString(), reference, CommandUser.name()));
                print(out, input, report, totals);
            } else {
                throw new InvalidInputException("« " + input + " » n'existe pas.");
            }
        }
        out.printf("Total : %s, %s, %d en quarantaine, %s.%n",
                FrenchCount.of(totals.getOrDefault(Result.INGESTED, 0), "document nouveau", "documents nouveaux"),
                FrenchCount.of(totals.getOrDefault(Result.DUPLICATE, 0), "déjà connu", "déjà connus"),
                totals.getOrDefault(Result.QUARANTINED, 0),
                FrenchCount.of(totals.getOrDefault(Result.ALREADY_RECEIVED, 0), "déjà importé", "déjà importés"));
        return 0;
    }

    private static void print(PrintWriter out, Path file, Report report, Map<Result, Integer> totals) {
        out.printf("%s%s%n", file, report.requestReference() == null ? "  (sans demande : à trier)"
                : "  → " + report.requestReference());
        for (DocumentRecords.Item item : report.items()) {
            totals.merge(item.result(), 1, Integer::sum);
            out.printf("  %-16s %s%s%n", item.result(), item.path(),
                    item.result() == Result.QUARANTINED ? " — " + item.detail()
                            : item.kind() == null ? "" : " (" + DocumentKind.valueOf(item.kind()).label() + ", "
                            + item.pages() + " p.)");
        }
    }

    @Command(name = "mailbox", mixinStandardHelpOptions = true,
            description = "Lit maintenant la boîte aux lettres des réponses (le serveur le fait toutes les 5 minutes).")
    static final class Mailbox implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            List<Report> reports = context.getBean(MailboxReader.class).poll();
            Map<Result, Integer> totals = new EnumMap<>(Result.class);
            reports.forEach(report -> print(out, Path.of(report.source()), report, totals));
            out.printf("%s.%n", FrenchCount.of(reports.size(), "message lu", "messages lus"));
            return 0;
        }
    }

    @Command(name = "quarantine", mixinStandardHelpOptions = true, description = "Liste les fichiers en quarantaine.")
    static final class Quarantine implements CliCommand {
        @Option(names = "--all", description = "Y compris ceux repris depuis.")
        boolean all;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            List<DocumentRecords.Quarantined> entries = context.getBean(Documents.class).quarantine(!all, 500);
            if (entries.isEmpty()) {
                out.println("Rien en quarantaine.");
            }
            for (DocumentRecords.Quarantined q : entries) {
                out.printf("#%d  %s  %s (%s)%n      %s%s%n", q.id(), q.receivedAt(), q.path(), q.reason(), q.detail(),
                        "RETRIED".equals(q.status()) ? " — repris" : "");
            }
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Reprend un fichier en quarantaine (après avoir relevé une limite ou installé Tesseract).")
    static final class Retry implements CliCommand {
        @Parameters(paramLabel = "NUMÉRO")
        long id;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            Report report = context.getBean(Documents.class).retry(id, CommandUser.name());
            print(out, Path.of("#" + id), report, new EnumMap<>(Result.class));
            return report.count(Result.QUARANTINED) > 0 ? 1 : 0;
        }
    }

    @Command(name = "reread", mixinStandardHelpOptions = true,
            description = {"Relit des documents déjà reçus avec les réglages et outils d'aujourd'hui (OCR des scans une",
                    "fois Tesseract installé) : pages, nature et mentions sont remplacées ; réceptions, demande et",
                    "liens confirmés ou rejetés restent."})
    static final class Reread implements CliCommand {
        @Parameters(paramLabel = "SHA256", arity = "0..*", description = "Les empreintes des documents à relire.")
        List<String> sha256s = List.of();

        @Option(names = "--needs-ocr", description = "Tous les documents dont des pages sont des images sans texte.")
        boolean needsOcr;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            if (needsOcr == !sha256s.isEmpty()) {
                throw new InvalidInputException("Donnez les empreintes des documents à relire, ou --needs-ocr "
                        + "(l'un ou l'autre).");
            }
            Documents documents = context.getBean(Documents.class);
            List<RereadAttempt> attempts = new ArrayList<>();
            if (needsOcr) {
                attempts = documents.rereadNeedingOcr(CommandUser.name(), attempt -> print(out, attempt));
                if (attempts.isEmpty()) {
                    out.println("Aucun document n'a de pages sans texte.");
                }
            }
            for (String sha256 : sha256s) {
                RereadAttempt attempt;
                try {
                    attempt = RereadAttempt.done(documents.reread(sha256, CommandUser.name()));
                } catch (UserError refused) {
                    attempt = RereadAttempt.refused(sha256, refused.getMessage());
                }
                print(out, attempt);
                attempts.add(attempt);
            }
            long refused = attempts.stream().filter(a -> !a.isDone()).count();
            long stillNeedOcr = attempts.stream().filter(a -> a.isDone() && a.reread().needsOcr()).count();
            out.printf("Total : %s, dont %d avec encore des pages sans texte ; %s.%n",
                    FrenchCount.of(attempts.size() - refused, "document relu", "documents relus"), stillNeedOcr,
                    FrenchCount.of(refused, "refusé", "refusés"));
            return refused > 0 ? 1 : 0;
        }

        private static void print(PrintWriter out, RereadAttempt attempt) {
            DocumentRecords.Reread r = attempt.reread();
            if (r == null) {
                out.printf("%s%n  refusé : %s%n", attempt.sha256(), attempt.refusal());
                return;
            }
            out.printf("%s  %s%n  relu : %s, dont %s par OCR ; texte changé sur %s ; %s%n",
                    r.sha256(), r.fileName(), FrenchCount.of(r.pages(), "page", "pages"),
                    FrenchCount.of(r.ocredPages(), "lue", "lues"), FrenchCount.of(r.changedPages(), "page", "pages"),
                    r.needsOcr() ? "des pages restent des images sans texte." : "toutes les pages ont du texte.");
            if (r.kindChanged()) {
                out.printf("  nature : %s (avant : %s)%n", r.kindLabel(), r.previousKindLabel());
            }
            if (!r.newMentions().isEmpty()) {
                out.printf("  nouvelles mentions : %s%n", String.join(", ", r.newMentions()));
            }
            if (r.newLinks() > 0) {
                out.printf("  %s, à confirmer sur la page du document%n", FrenchCount.of(r.newLinks(),
                        "déploiement proposé", "déploiements proposés"));
            }
        }
    }
}

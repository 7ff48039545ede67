package fr.lanterne.deadlines;

import fr.lanterne.cli.CliCommand;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Lance le travail de nuit pour une date (par défaut aujourd'hui) : refus implicites, relances,",
                "saisines préparées, alertes, récapitulatif par bénévole. Relancé pour la même date, il ne refait "
                        + "rien."})
final class NightlyJobCommand implements CliCommand {

    @Option(names = "--date", paramLabel = "AAAA-MM-JJ")
    LocalDate date;

    @Override
    public int execute(ApplicationContext context, PrintWriter out) {
        LocalDate night = date == null ? LocalDate.now(context.getBean(Clock.class)) : date;
        NightlyJobs.Run run = context.getBean(NightlyJobs.class).run(night);
        if (run.alreadyDone()) {
            out.printf("Le travail de nuit du %s a déjà été fait : rien de plus.%n", night);
            return 0;
        }
        out.printf("Travail de nuit du %s : %s.%n", night, run.status());
        run.written().forEach((step, count) -> out.printf("  %-16s %d%n", step, count));
        return "COMPLETED".equals(run.status()) ? 0 : 1;
    }
}

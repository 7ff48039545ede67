package fr.lanterne.database;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.cli.CliCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "database", description = "La base de données intégrée.", mixinStandardHelpOptions = true,
        subcommands = DatabaseCommand.Backup.class)
public final class DatabaseCommand {

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Sauvegarde la base intégrée dans un fichier SQL, même pendant que Lanterne tourne",
                    "(instantané cohérent, sans bloquer les utilisateurs). Avec une base externe, utilisez mariadb-dump."})
    static final class Backup implements CliCommand {
        @Parameters(paramLabel = "FICHIER.sql")
        Path file;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) throws IOException, InterruptedException {
            EmbeddedMariaDb server = context.getBeanProvider(EmbeddedMariaDb.class).getIfAvailable();
            if (server == null) {
                throw new InvalidInputException("Lanterne utilise une base MariaDB externe (spring.datasource.url) : "
                        + "sauvegardez-la avec mariadb-dump sur son serveur.");
            }
            String database = context.getBean(DatabaseProperties.class).name();
            Path target = file.toAbsolutePath();
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.createDirectories(target.getParent());
            // The account and its password come from the owner-only option file, never the command line (ps).
            ProcessBuilder dump = new ProcessBuilder(List.of(
                    server.binaries().resolve("bin").resolve("mariadb-dump").toString(),
                    "--defaults-extra-file=" + server.credentialsFile(),
                    "--host=127.0.0.1", "--port=" + server.port(), "--skip-ssl",
                    "--single-transaction", "--routines", "--triggers", "--hex-blob", "--databases", database))
                    .redirectOutput(partial.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            dump.environment().put("LD_LIBRARY_PATH", server.binaries().resolve("libs").toString());
            Process process = dump.start();
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("mariadb-dump a échoué (code " + process.exitValue() + ") ; "
                        + "rien n'a été écrit dans " + target + ".");
            }
            // Never leave a half-written backup under the final name.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf("Base « %s » sauvegardée dans %s (%d Mo).%n", database, target, Files.size(target) / 1_000_000);
            out.printf("Restauration : mariadb -u UTILISATEUR -p < %s (sur un serveur MariaDB), ou recopiez le dossier "
                    + "de données sauvegardé, Lanterne arrêté.%n", target.getFileName());
            return 0;
        }
    }
}

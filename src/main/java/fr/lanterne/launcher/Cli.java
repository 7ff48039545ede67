package fr.lanterne.launcher;

import fr.lanterne.LanterneApplication;
import fr.lanterne.shared.UserError;
import fr.lanterne.cli.CliCommand;
import fr.lanterne.cli.StandaloneCommand;
import fr.lanterne.deadlines.DateInput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one command-line command: {@code java -jar lanterne.jar COMMAND [ARGS]}.
 *
 * <p>Exit codes: 0 done, 1 the command failed (the message says why), 2 the command line itself was wrong.
 */
final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The French words of picocli's usage help: headings and the standard options' descriptions. */
    static final String HELP_BUNDLE = "fr.lanterne.launcher.help";

    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-zA-Z][\\w.\\[\\]-]*=.*");

    private Cli() {
    }

    /** No arguments, or only Spring Boot property overrides such as {@code --server.port=9090}: serve the web app. */
    public static boolean isServerInvocation(String[] args) {
        return Arrays.stream(args).allMatch(arg -> SPRING_PROPERTY.matcher(arg).matches());
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (ParameterException e) {
            err.println(UsageErrors.inFrench(e.getMessage()));
            e.getCommandLine().usage(err);
            return USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return OK;
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.commandSpec().userObject() instanceof StandaloneCommand standalone) {
            try {
                return standalone.execute(out);
            } catch (Exception e) {
                return failed(e, err);
            }
        }
        if (!(leaf.commandSpec().userObject() instanceof CliCommand command)) {
            err.println("Précisez une commande.");
            leaf.commandSpec().commandLine().usage(err);
            return USAGE;
        }
        try (ConfigurableApplicationContext context = startContext(dataDir(parsed))) {
            return command.execute(context, out);
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    private static int failed(Exception e, PrintWriter err) {
        UserError userError = userError(e);
        if (userError == null) {
            err.println("Erreur inattendue : " + e);
            e.printStackTrace(err);
            return FAILED;
        }
        err.println(userError.getMessage());
        return FAILED;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LanterneCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // The headings and the --help/--version descriptions in French, for every command (picocli's are English).
        commandLine.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, Locale.FRENCH));
        // "2026-02-30" is refused with a sentence that says why, not picocli's "is not a LocalDate".
        commandLine.registerConverter(java.time.LocalDate.class, DateInput::parse);
        return commandLine;
    }

    /** The inherited {@code --data-dir} option, wherever in the command line it was given. */
    private static Path dataDir(ParseResult parsed) {
        Path dataDir = null;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            dataDir = level.matchedOptionValue("--data-dir", dataDir);
        }
        return dataDir;
    }

    private static ConfigurableApplicationContext startContext(Path dataDir) {
        // Passed as command-line properties so they win over config/application.yml.
        List<String> properties = new ArrayList<>(List.of(
                "--lanterne.cli=true",
                "--logging.level.root=WARN",
                "--spring.main.log-startup-info=false"));
        if (dataDir != null) {
            properties.add("--lanterne.data-dir=" + dataDir.toAbsolutePath());
        }
        return new SpringApplicationBuilder(LanterneApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(properties.toArray(String[]::new));
    }

    private static UserError userError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserError userError) {
                return userError;
            }
        }
        return null;
    }
}

package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} of every command speaks French, picocli's own words included: its headings ("Usage:",
 * "Commands:") and the descriptions of the standard options ("Show this help message and exit.") come from the
 * French bundle {@link Cli#HELP_BUNDLE}.
 */
class CliHelpTest {

    /** What picocli writes in English when nobody translated it. */
    private static final List<String> ENGLISH = List.of("Usage:", "Commands:", "Options:", "Parameters:",
            "Show this help", "Print version", "Display help", "[COMMAND]", "Default:", " and exit");

    /** A description that is English: common English words (French has none; command names are not words). */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b(the|and|this|with|from|which|will|must)\\b");

    @Test
    void every_command_prints_its_help_in_french() {
        List<List<String>> commands = new ArrayList<>();
        collect(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), commands);
        assertThat(commands).as("the root and its commands").hasSizeGreaterThan(20);

        for (List<String> command : commands) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            String help = out.toString();
            assertThat(exit).as("%s --help", command).isEqualTo(Cli.OK);
            assertThat(help).as("%s --help", command).startsWith("Utilisation : ")
                    .contains("Affiche cette aide et s’arrête.");
            for (String english : ENGLISH) {
                assertThat(help).as("%s --help has no English «%s»", command, english).doesNotContain(english);
            }
            assertThat(ENGLISH_WORDS.matcher(help.replaceAll("\\S+://\\S+", "")).results()
                    .map(m -> m.group()).toList()).as("%s --help: English words in\n%s", command, help).isEmpty();
        }
    }

    @Test
    void a_group_lists_its_commands_under_a_french_heading() {
        StringWriter out = new StringWriter();
        assertThat(Cli.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter())))
                .isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("Commandes :").contains("[COMMANDE]").contains("authorities");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandName().equals(sub.getKey())) {
                List<String> next = new ArrayList<>(path);
                next.add(sub.getKey());
                collect(sub.getValue(), next, into);
            }
        }
    }
}

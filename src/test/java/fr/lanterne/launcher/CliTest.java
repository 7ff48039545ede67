package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Usage errors are caught before any application context or database starts. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_with_2() {
        assertThat(run("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("frobnicate").contains("authorities").contains("registry").contains("users");
    }

    @Test
    void a_bad_argument_exits_with_2() {
        assertThat(run("users", "add", "alice")).as("--role is required").isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--role");
        assertThat(run("users", "add", "alice", "--role", "KING")).isEqualTo(Cli.USAGE);
        assertThat(run("registry", "list", "--technology", "LASERS")).isEqualTo(Cli.USAGE);
        assertThat(run("registry", "update", "not-a-number")).isEqualTo(Cli.USAGE);
    }

    @Test
    void a_group_without_a_command_asks_for_one() {
        assertThat(run("authorities")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("Précisez une commande").contains("import-contacts");
    }

    @Test
    void help_is_not_an_error() {
        assertThat(run("--help")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("Sans commande, Lanterne sert l'application web");
        assertThat(run("authorities", "import-contacts", "--help")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("insee,email,postal_address,source");
    }

    @Test
    void spring_property_overrides_alone_mean_serve() {
        assertThat(Cli.isServerInvocation(new String[0])).isTrue();
        assertThat(Cli.isServerInvocation(new String[] {"--server.port=9090", "--lanterne.data-dir=/srv/x"})).isTrue();
        assertThat(Cli.isServerInvocation(new String[] {"users", "list"})).isFalse();
        assertThat(Cli.isServerInvocation(new String[] {"--help"})).isFalse();
    }
}

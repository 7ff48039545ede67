package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A wrong command line is explained in French, picocli's English replaced, the names as typed. */
class UsageErrorsTest {

    private String errorOf(String... args) {
        StringWriter err = new StringWriter();
        assertThat(Cli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                .isEqualTo(Cli.USAGE);
        return err.toString().lines().findFirst().orElse("");
    }

    @Test
    void an_unknown_command_or_option_is_said_in_french() {
        assertThat(errorOf("frobnicate")).isEqualTo("Argument inattendu (position 0) : 'frobnicate'");
        assertThat(errorOf("users", "list", "--frobnicate")).startsWith("Option inconnue : '--frobnicate'");
    }

    @Test
    void a_missing_or_wrong_value_is_said_in_french() {
        assertThat(errorOf("users", "add", "alice")).startsWith("Option obligatoire manquante : '--role=");
        assertThat(errorOf("users", "add", "alice", "--role", "KING"))
                .startsWith("Valeur invalide pour l’option '--role' : attendu l’une de [")
                .endsWith("reçu 'KING'");
    }

    @Test
    void an_unknown_wording_is_kept_as_picocli_wrote_it() {
        assertThat(UsageErrors.inFrench("Something new: 'x'")).isEqualTo("Something new: 'x'");
        assertThat(UsageErrors.inFrench("Unknown option: '--x'\nDid you mean: --y?"))
                .isEqualTo("Option inconnue : '--x'" + System.lineSeparator() + "Vouliez-vous dire : --y ?");
    }
}

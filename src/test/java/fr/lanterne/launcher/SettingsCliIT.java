package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestIdentity;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.settings.RequesterKind;
import fr.lanterne.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The requester identity on the command line: shown, refused when half-set, set; sending refused meanwhile. */
@LanterneIntegrationTest
class SettingsCliIT {

    @Autowired
    Settings settings;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void binaries() {
        System.setProperty("lanterne.database.binaries-dir", "target/mariadb-binaries");
        TestData.forgetRequests(jdbc, List.of("mairie-05061"));
        authorities.setContact("mairie-05061", new ContactDetails("mairie@gap.test", "3 rue Colonel Roux\n05000 Gap",
                null, null), "test");
    }

    @AfterEach
    void theTestsIdentityAgain() {
        System.clearProperty("lanterne.database.binaries-dir");
        TestIdentity.restore(settings);
    }

    private int run(String... args) {
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = LanterneIntegrationTest.DATA_DIR;
        return Cli.run(withDataDir, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void the_command_line_refuses_to_send_until_the_identity_is_set_then_sends() {
        assertThat(run("settings", "identity", "clear")).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(run("settings", "identity", "show")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("n’est pas complète").contains("--home-address");

        assertThat(run("requests", "create", "--insee", "05061", "--template", "vsa")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Impossible de créer et envoyer une demande");
        assertThat(run("requests", "send-due")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Impossible d’envoyer les demandes en attente");
        assertThat(run("campaign", "launch", "--template", "vsa", "--insee", "05061")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Impossible de lancer une campagne");

        assertThat(run("settings", "identity", "set", "--kind", "LEGAL_PERSON", "--denomination", "Vigilance Alpes",
                "--seat-address", "2 rue Carnot / 05000")).isEqualTo(1);
        assertThat(out.toString()).contains("--legal-form : La forme juridique est obligatoire")
                .contains("--seat-address : Il manque la ligne du code postal");
        assertThat(settings.identityComplete()).isFalse();

        assertThat(run("settings", "identity", "set", "--kind", "LEGAL_PERSON", "--legal-form",
                "Association déclarée (loi 1901)", "--denomination", "Vigilance Alpes", "--seat-address",
                "2 rue Carnot / 05000 Gap", "--representative-name", "Sacha Blanc", "--representative-title",
                "président", "--mailbox", "cada@vigilance-alpes.test", "--place", "Gap")).as(out.toString())
                .isEqualTo(Cli.OK);
        assertThat(settings.requesterIdentity()).hasValueSatisfying(identity -> {
            assertThat(identity.kind()).isEqualTo(RequesterKind.LEGAL_PERSON);
            assertThat(identity.displayName()).isEqualTo("Vigilance Alpes");
        });
        assertThat(run("settings", "identity", "show")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("représentée par Sacha Blanc, président").contains("05000 Gap");
        assertThat(run("requests", "create", "--insee", "05061", "--template", "vsa")).as(err.toString())
                .isEqualTo(Cli.OK);
    }
}

package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Commands run as a volunteer types them, each starting its own (non-web) application context on the same data
 * directory as the running test application, whose database it shares.
 */
@LanterneIntegrationTest
class CliIT {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private InputStream stdin;

    @BeforeEach
    void settings() {
        stdin = System.in;
        System.setProperty("lanterne.database.binaries-dir", "target/mariadb-binaries");
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        System.clearProperty("lanterne.database.binaries-dir");
        System.clearProperty("lanterne.web.public-url");
    }

    private int run(String... args) {
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = LanterneIntegrationTest.DATA_DIR;
        return Cli.run(withDataDir, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void users_add_reads_the_password_from_standard_input_and_stores_a_hash() {
        jdbc.sql("DELETE FROM app_user WHERE username = 'cli-alice'").update();
        System.setIn(new ByteArrayInputStream("un mot de passe solide\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("users", "add", "cli-alice", "--role", "volunteer")).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("cli-alice").contains("bénévole");
        assertThat(users.find("cli-alice")).get().extracting(u -> u.role()).isEqualTo(Role.VOLUNTEER);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'cli-alice'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("solide");

        System.setIn(new ByteArrayInputStream("un mot de passe solide\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("users", "add", "cli-alice", "--role", "ADMIN")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("existe déjà");
    }

    @Test
    void database_backup_dumps_the_shared_embedded_database_with_its_own_account() throws Exception {
        Path file = Path.of("target", "cli-it", "backup.sql").toAbsolutePath();
        Files.deleteIfExists(file);
        assertThat(run("database", "backup", file.toString())).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("sauvegardée");
        assertThat(Files.readString(file)).contains("CREATE TABLE `app_user`");
    }

    @Test
    void a_short_password_is_refused_with_the_rule() {
        System.setIn(new ByteArrayInputStream("court\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("users", "add", "cli-bob", "--role", "RESEARCHER")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("au moins 10 caractères");
        assertThat(users.find("cli-bob")).isEmpty();
    }

    @Test
    void registry_list_by_commune() {
        assertThat(run("registry", "list", "--insee", "42218")).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("Saint-Étienne").contains("Serenicity").contains("capteurs sonores");
    }

    @Test
    void import_contacts_reports_faulty_lines_and_exits_with_1() {
        Path file = Path.of("src/test/resources/contacts/benevoles-erreurs.csv");
        assertThat(run("authorities", "import-contacts", file.toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("rien n'a été enregistré").contains("ligne 3").contains("ligne 6");
    }

    @Test
    void an_unknown_commune_is_a_sentence_not_a_stack_trace() {
        assertThat(run("authorities", "show", "99999")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Aucune commune n'a le code INSEE « 99999 »").doesNotContain("Exception");
    }

    @Test
    void users_calendar_prints_the_full_address_on_the_public_url() {
        TestUsers.ensure(users);
        String token = users.calendarToken(TestUsers.VOLUNTEER, false);
        System.setProperty("lanterne.web.public-url", "https://lanterne.example.org/");

        assertThat(run("users", "calendar", TestUsers.VOLUNTEER)).as(err.toString()).isEqualTo(Cli.OK);

        assertThat(out.toString().strip()).isEqualTo("https://lanterne.example.org/calendar/" + token + ".ics");
    }

    @Test
    void users_calendar_without_a_known_address_says_how_to_set_it() {
        TestUsers.ensure(users);
        String token = users.calendarToken(TestUsers.VOLUNTEER, false);
        jdbc.sql("DELETE FROM observed_public_url").update();

        assertThat(run("users", "calendar", TestUsers.VOLUNTEER)).isEqualTo(Cli.FAILED);

        assertThat(out.toString()).contains("lanterne.web.public-url").contains("config/application.yml")
                .contains("/calendar/" + token + ".ics").doesNotContain("VOTRE-SERVEUR").doesNotContain("http://")
                .doesNotContain("https://VOTRE");
    }

    @Test
    void users_calendar_uses_the_address_the_server_was_reached_at() {
        TestUsers.ensure(users);
        String token = users.calendarToken(TestUsers.VOLUNTEER, false);
        jdbc.sql("DELETE FROM observed_public_url").update();
        jdbc.sql("INSERT INTO observed_public_url (id, url, seen_at) VALUES (1, 'http://lanterne.local:8080', NOW())")
                .update();
        try {
            assertThat(run("users", "calendar", TestUsers.VOLUNTEER)).as(err.toString()).isEqualTo(Cli.OK);
            assertThat(out.toString().strip()).isEqualTo("http://lanterne.local:8080/calendar/" + token + ".ics");
        } finally {
            jdbc.sql("DELETE FROM observed_public_url").update();
        }
    }
}

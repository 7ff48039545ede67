package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.search.Search;
import fr.lanterne.users.Users;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 through the API, on real PDFs: what a volunteer decides is occulted, the published file holds none of it
 * ({@code pdftotext}, {@code pdfinfo}), visitors read only published documents, bad input is refused with a French
 * sentence and publishes nothing, and concurrent calls make one version.
 */
@LanterneIntegrationTest
class PublicationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    Documents documents;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publications publications;

    @Autowired
    StoredPdfPages pages;

    @Autowired
    RedactionStore store;

    @Autowired
    RedactionProposals proposals;

    @Autowired
    Redactor redactor;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Search search;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void a_published_redacted_letter_holds_nothing_occulted_and_visitors_read_only_it() {
        String token = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String sha = upload(letterWith("Référence interne : " + token), "lettre-lambert.pdf");
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();
        visitor("/documents/" + sha).expectStatus().isNotFound();

        JsonNode sheet = json(get("/api/documents/" + sha + "/redactions", TestUsers.RESEARCHER), 200);
        assertThat(sheet.path("pending").asInt()).isGreaterThan(5);
        JsonNode first = sheet.path("redactions").get(0);
        assertThat(first.path("page").asInt()).isEqualTo(1);
        assertThat(first.path("box").path("width").asDouble()).isPositive();
        assertThat(first.path("box").has("x")).isTrue();
        assertThat(first.path("box").has("y")).isTrue();
        assertThat(first.path("box").has("height")).isTrue();
        assertThat(first.path("text").asString()).isNotBlank();
        assertThat(first.path("status").asString()).isEqualTo("PENDING");
        // The editor's page images and words, for every signed-in account.
        byte[] png = get("/api/documents/" + sha + "/pages/2/image", TestUsers.RESEARCHER).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        JsonNode words = json(get("/api/documents/" + sha + "/words", TestUsers.RESEARCHER), 200);
        assertThat(words).hasSize(2);
        assertThat(words.get(1).path("words")).anySatisfy(w -> {
            assertThat(w.path("text").asString()).isEqualTo("Berthier.");
            assertThat(w.path("box").path("y").asDouble()).isBetween(60.0, 90.0);
        });
        // Researchers read, they do not decide.
        post("/api/documents/" + sha + "/redactions/accept-all", TestUsers.RESEARCHER, null).expectStatus()
                .isForbidden();

        // One proposal rejected (the town's own vehicle), the others accepted, and a box drawn on page 2.
        long plate = find(sheet, "VEHICLE_PLATE").path("id").asLong();
        json(post("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER,
                Map.of("proposal", plate, "decision", "reject")), 200);
        JsonNode accepted = json(post("/api/documents/" + sha + "/redactions/accept-all", TestUsers.VOLUNTEER, null),
                200);
        assertThat(accepted.path("pending").asInt()).isZero();
        JsonNode page2 = accepted.path("pages").get(1);
        assertThat(page2.path("width").asDouble()).isBetween(594.0, 596.0);
        JsonNode withBox = json(post("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER,
                Map.of("page", 2, "x", 40, "y", 40, "width", 300, "height", 40)), 200);
        assertThat(withBox.path("redactions")).anySatisfy(r -> {
            assertThat(r.path("source").asString()).isEqualTo("MANUAL");
            assertThat(r.path("text").asString()).contains("Berthier");
            assertThat(r.path("status").asString()).isEqualTo("ACCEPTED");
        });

        JsonNode published = json(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 200);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        URI publicUrl = URI.create(published.path("publicUrl").asString());
        assertThat(publicUrl.isAbsolute()).isTrue();
        assertThat(publicUrl.getPath()).isEqualTo("/documents/" + sha + "/fichier");

        byte[] file = visitor(publicUrl.getPath()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = TestPdfs.poppler(file, "pdftotext");
        for (String secret : List.of("Sophie", "LAMBERT", "Lilas", "sophie.lambert@orange.fr", "06 12 34 56 78",
                "DURAND", "Lefèvre", "FR76", "Jean-Pierre", "Berthier")) {
            assertThat(text).as("pdftotext of the published file").doesNotContain(secret);
        }
        assertThat(text).contains("vidéoprotection").contains("AB-123-CD").contains("caméras");
        String info = TestPdfs.poppler(file, "pdfinfo");
        assertThat(info).doesNotContain("Mairie de Saint-Exemple").doesNotContain("LAMBERT")
                .doesNotContainPattern("(?m)^(Title|Author|Subject|Keywords|Creator):");
        // Visitors search the published version: what remains is found, what was occulted is not.
        awaitUntil(() -> visitorSearchFinds(token, sha));
        for (String secret : List.of("LAMBERT", "Berthier", "Lilas", "Jean-Pierre")) {
            assertThat(visitorSearchFinds(secret, sha)).as("visitors' search for " + secret).isFalse();
        }
        assertThat(signedInSearchFinds("Berthier", sha)).as("volunteers still search the original").isTrue();
        // The editor's addresses stay behind the login, published or not.
        visitor("/api/documents/" + sha + "/redactions").expectStatus().isUnauthorized();
        visitor("/documents/" + sha + "/redactions").expectStatus().is3xxRedirection();
        visitor("/documents/" + sha + "/pages/1/image").expectStatus().is3xxRedirection();
        visitor("/documents/" + sha + "/words").expectStatus().is3xxRedirection();
        // The visitor's document page shows the published text, not the original's.
        visitor("/documents/" + sha).expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).doesNotContain("LAMBERT").doesNotContain("Berthier")
                        .contains("vidéoprotection"));
        // The name it was received under holds a person's name: visitors never read it, nor download under it.
        visitor("/documents/" + sha).expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page.toLowerCase(java.util.Locale.ROOT)).doesNotContain("lambert"));
        visitor(publicUrl.getPath()).expectStatus().isOk().expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
                disposition -> assertThat(disposition)
                        .contains("document-" + sha.substring(0, 12) + "-occulte.pdf")
                        .doesNotContainIgnoringCase("lambert"));
        // Signed in, one still reads the original, unchanged.
        byte[] original = client.get().uri("/api/documents/{sha}/file", sha)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(DocumentRecords.class).isNotNull();
        assertThat(sha256(original)).isEqualTo(sha);
        assertThat(publications.versions(sha)).isEqualTo(1);
        // The decisions are in the audit log.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE path LIKE ? AND detail LIKE 'occultation%'")
                .param("%" + sha + "%").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_pending_proposal_blocks_publication_with_a_sentence_saying_how_many() {
        String sha = upload(letter(), "lettre.pdf");
        JsonNode sheet = json(get("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER), 200);
        int pending = sheet.path("pending").asInt();

        JsonNode refusal = json(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 409);

        assertThat(refusal.path("detail").asString()).startsWith(pending + " propositions d’occultation attendent");
        assertThat(refusal.path("pending").asInt()).isEqualTo(pending);
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();
        assertThat(publications.versions(sha)).isZero();
    }

    @Test
    void bad_input_gets_a_french_sentence_and_publishes_nothing() {
        String sha = upload(letter(), "lettre.pdf");
        String redactions = "/api/documents/" + sha + "/redactions";
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER,
                Map.of("page", 1, "x", 500, "y", 700, "width", 200, "height", 50)), 400))
                .contains("dépasse de la page 1");
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER,
                Map.of("page", 9, "x", 10, "y", 10, "width", 20, "height", 20)), 400)).contains("page 9");
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER,
                Map.of("page", 1, "x", 10, "y", 10, "width", -20, "height", 20)), 400)).contains("largeur");
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER,
                Map.of("proposal", 1, "decision", "x".repeat(600))), 400)).contains("« decision »").contains("10 au plus");
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER,
                Map.of("proposal", 1, "decision", "oui")), 400)).contains("accept");
        assertThat(problem(post(redactions, TestUsers.VOLUNTEER, Map.of("proposal", Long.MAX_VALUE,
                "decision", "accept")), 404)).contains("pas de proposition");
        assertThat(problem(post(redactions + "/rules", TestUsers.VOLUNTEER, Map.of("text", "y".repeat(600))), 400))
                .contains("500");
        assertThat(problem(post(redactions + "/rules", TestUsers.VOLUNTEER,
                Map.of("text", "(non fermée", "pattern", true)), 400)).contains("expression régulière");
        assertThat(problem(raw(redactions, "{\"page\": 1, \"x\": ", TestUsers.VOLUNTEER), 400)).isNotBlank();
        assertThat(problem(raw(redactions, "{\"page\": \"un\"}", TestUsers.VOLUNTEER), 400)).isNotBlank();
        assertThat(problem(raw("/api/documents/" + sha + "/publish", "{\"asReceived\": 12}", TestUsers.VOLUNTEER),
                400)).isNotBlank();
        String unknown = "0".repeat(64);
        assertThat(problem(get("/api/documents/" + unknown + "/redactions", TestUsers.VOLUNTEER), 404)).isNotBlank();
        assertThat(problem(post("/api/documents/" + unknown + "/publish", TestUsers.VOLUNTEER, null), 404))
                .isNotBlank();
        assertThat(problem(get("/api/documents/" + sha + "/pages/7/image", TestUsers.VOLUNTEER), 404))
                .contains("2 pages");
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();
        assertThat(publications.versions(sha)).isZero();
    }

    @Test
    void an_encrypted_pdf_is_refused_clearly_and_nothing_is_published() throws Exception {
        String sha = upload(encrypted(letter()), "chiffre.pdf");

        assertThat(problem(get("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER), 400))
                .contains("chiffré");
        assertThat(problem(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 400))
                .contains("chiffré");
        assertThat(problem(get("/api/documents/" + sha + "/pages/1/image", TestUsers.VOLUNTEER), 400))
                .contains("chiffré");
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();
    }

    @Test
    void a_page_that_cannot_be_rendered_is_refused_clearly_and_nothing_is_published() throws Exception {
        byte[] huge;
        try (PDDocument document = new PDDocument()) {
            // 200 × 200 inches: allowed by the format, 90 000 megapixels at 150 dpi.
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    new org.apache.pdfbox.pdmodel.common.PDRectangle(14_400, 14_400));
            document.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 40);
                content.newLineAtOffset(100, 14_000);
                content.showText("Plan des cameras " + UUID.randomUUID());
                content.endText();
            }
            huge = TestPdfs.bytes(document);
        }
        String sha = upload(huge, "plan.pdf");

        assertThat(problem(get("/api/documents/" + sha + "/pages/1/image", TestUsers.VOLUNTEER), 400))
                .contains("La page 1 ne peut pas être rendue");
        json(post("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER,
                Map.of("page", 1, "x", 100, "y", 100, "width", 500, "height", 80)), 200);
        json(post("/api/documents/" + sha + "/redactions/accept-all", TestUsers.VOLUNTEER, null), 200);
        assertThat(problem(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 400))
                .contains("La page 1 ne peut pas être rendue");
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();
        assertThat(publications.versions(sha)).isZero();
        assertThat(documents.published(sha)).isFalse();
    }

    @Test
    void a_document_that_is_not_a_pdf_is_refused_for_redaction_but_may_be_published_as_received() {
        String sha = upload(("Compte rendu " + UUID.randomUUID() + " : rien de personnel.")
                .getBytes(StandardCharsets.UTF_8), "compte-rendu.txt");

        assertThat(problem(get("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER), 400))
                .contains("n’est pas un PDF");
        assertThat(problem(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 400))
                .contains("n’est pas un PDF");
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();

        JsonNode published = json(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER,
                Map.of("asReceived", true)), 200);
        assertThat(published.path("asReceived").asBoolean()).isTrue();
        visitor(URI.create(published.path("publicUrl").asString()).getPath()).expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("rien de personnel"));
    }

    @Test
    void ten_identical_accept_all_and_publish_at_once_make_one_version() throws Exception {
        String sha = upload(letter(), "lettre.pdf");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> acceptAll = new ArrayList<>();
            List<Callable<Integer>> publish = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acceptAll.add(() -> post("/api/documents/" + sha + "/redactions/accept-all", TestUsers.VOLUNTEER,
                        null).returnResult(String.class).getStatus().value());
                publish.add(() -> post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null)
                        .returnResult(String.class).getStatus().value());
            }
            for (Future<Integer> status : pool.invokeAll(acceptAll)) {
                assertThat(status.get()).isEqualTo(200);
            }
            for (Future<Integer> status : pool.invokeAll(publish)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(publications.versions(sha)).isEqualTo(1);
        int proposed = proposals.propose(pages.words(sha), store.rules()).size();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM redaction WHERE sha256 = ?").param(sha).query(Integer.class)
                .single()).isEqualTo(proposed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM derived_file WHERE derived_from = ?").param(sha)
                .query(Integer.class).single()).isEqualTo(1);
        visitor("/documents/" + sha + "/fichier").expectStatus().isOk();
    }

    @Test
    void concurrent_first_reads_compute_the_proposals_once() throws Exception {
        String sha = upload(letter(), "lettre.pdf");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                reads.add(() -> get("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER)
                        .returnResult(String.class).getStatus().value());
            }
            for (Future<Integer> status : pool.invokeAll(reads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        int proposed = proposals.propose(pages.words(sha), store.rules()).size();
        assertThat(proposed).isGreaterThan(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM redaction WHERE sha256 = ?").param(sha).query(Integer.class)
                .single()).isEqualTo(proposed);
    }

    @Test
    void a_saved_rule_proposes_its_term_in_this_document_and_the_next_ones() {
        String term = "Zéphyrin" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String sha = upload(letterWith("Le dossier est suivi par " + term + " au service urbanisme."), "a.pdf");
        json(get("/api/documents/" + sha + "/redactions", TestUsers.VOLUNTEER), 200);

        JsonNode sheet = json(post("/api/documents/" + sha + "/redactions/rules", TestUsers.VOLUNTEER,
                Map.of("text", term)), 200);

        assertThat(sheet.path("redactions")).anySatisfy(r -> {
            assertThat(r.path("kind").asString()).isEqualTo("SAVED_RULE");
            assertThat(r.path("text").asString()).contains(term);
        });
        String next = upload(letterWith("Réponse préparée par " + term.toUpperCase() + "."), "b.pdf");
        assertThat(json(get("/api/documents/" + next + "/redactions", TestUsers.VOLUNTEER), 200).path("redactions"))
                .anySatisfy(r -> assertThat(r.path("kind").asString()).isEqualTo("SAVED_RULE"));
    }

    @Test
    void with_a_second_look_another_volunteer_approves_the_publication() {
        Publications reviewed = new Publications(documents, pages, store, proposals, redactor,
                new PublicationProperties(true, 150, 96, "Licence Ouverte / Open Licence 2.0 (Etalab)", null),
                transaction, clock, search);
        String sha = upload(letter(), "lettre.pdf");
        reviewed.acceptAll(sha, TestUsers.VOLUNTEER);

        PublicationState asked = reviewed.publish(sha, false, TestUsers.VOLUNTEER);
        assertThat(asked.status()).isEqualTo(PublicationState.Status.AWAITING_REVIEW);
        assertThat(reviewed.publish(sha, false, TestUsers.VOLUNTEER).status())
                .isEqualTo(PublicationState.Status.AWAITING_REVIEW);
        assertThat(documents.published(sha)).isFalse();
        visitor("/documents/" + sha + "/fichier").expectStatus().isNotFound();

        PublicationState approved = reviewed.publish(sha, false, TestUsers.ADMIN);
        assertThat(approved.status()).isEqualTo(PublicationState.Status.PUBLISHED);
        assertThat(approved.requestedBy()).isEqualTo(TestUsers.VOLUNTEER);
        assertThat(approved.approvedBy()).isEqualTo(TestUsers.ADMIN);
        assertThat(documents.published(sha)).isTrue();
        assertThat(reviewed.versions(sha)).isEqualTo(1);
    }

    @Test
    void a_scanned_letter_is_read_by_ocr_and_published_without_what_was_occulted() {
        assumeTrue(new DocumentWords(RedactionSettings.defaults()).ocrAvailable(), "tesseract fra is not installed");
        String sha = upload(TestPdfs.scanned(letter(), 300), "scan.pdf");

        JsonNode sheet = json(post("/api/documents/" + sha + "/redactions/accept-all", TestUsers.VOLUNTEER, null),
                200);
        assertThat(sheet.path("accepted").asInt()).isGreaterThan(3);
        JsonNode published = json(post("/api/documents/" + sha + "/publish", TestUsers.VOLUNTEER, null), 200);

        byte[] file = visitor(URI.create(published.path("publicUrl").asString()).getPath()).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = TestPdfs.poppler(file, "pdftotext");
        assertThat(text).doesNotContain("sophie.lambert@orange.fr").doesNotContain("06 12 34 56 78")
                .doesNotContain("LAMBERT");
        assertThat(text).contains("communication");
        assertThat(TestPdfs.poppler(file, "pdfinfo")).doesNotContain("Canon");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static byte[] letter() {
        return letterWith("Référence interne : " + UUID.randomUUID().toString().replaceAll("[0-9-]", ""));
    }

    private static byte[] letterWith(String line) {
        return withMetadata(TestPdfs.letter(List.of(RedactorTest.LETTER.replace("Monsieur le Maire,\n",
                "Monsieur le Maire,\n" + line + "\n"), "Annexe transmise par Mme Berthier.\nListe des caméras.")));
    }

    private static byte[] withMetadata(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setTitle("Courrier de Sophie LAMBERT");
            document.getDocumentInformation().setAuthor("Mairie de Saint-Exemple");
            return TestPdfs.bytes(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] encrypted(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(true);
            document.protect(new StandardProtectionPolicy("proprietaire", "", permissions));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private String upload(byte[] content, String name) {
        DocumentRecords.Report report = documents.upload(name, content, null, TestUsers.ADMIN);
        DocumentRecords.Item item = report.items().get(0);
        assertThat(item.result()).as(item.reason() + " " + item.detail()).isEqualTo(DocumentRecords.Result.INGESTED);
        return item.sha256();
    }

    private static JsonNode find(JsonNode sheet, String kind) {
        for (JsonNode redaction : sheet.path("redactions")) {
            if (redaction.path("kind").asString().equals(kind)) {
                return redaction;
            }
        }
        throw new AssertionError("no " + kind + " in " + sheet);
    }

    private RestTestClient.ResponseSpec get(String path, String user) {
        return client.get().uri(path).headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD)).exchange();
    }

    private RestTestClient.ResponseSpec post(String path, String user, Object body) {
        RestTestClient.RequestBodySpec spec = client.post().uri(path)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD));
        if (body == null) {
            return spec.exchange();
        }
        return spec.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec raw(String path, String json, String user) {
        return client.post().uri(path).headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    private boolean visitorSearchFinds(String q, String sha) {
        return searchFinds(client.get().uri(b -> b.path("/api/search").queryParam("q", "{q}").queryParam("size", 100).build(q)),
                sha);
    }

    private boolean signedInSearchFinds(String q, String sha) {
        return searchFinds(client.get().uri(b -> b.path("/api/search").queryParam("q", "{q}").queryParam("size", 100).build(q))
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD)), sha);
    }

    private static boolean searchFinds(RestTestClient.RequestHeadersSpec<?> request, String sha) {
        JsonNode result = json(request.exchange(), 200);
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("sha256").asString().equals(sha)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("reached within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private RestTestClient.ResponseSpec visitor(String path) {
        return client.get().uri(path).exchange();
    }

    private static JsonNode json(RestTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<String> result = response.returnResult(String.class);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(status);
        return JSON.readTree(result.getResponseBody());
    }

    /** The problem's French sentence, checked for its status and for no library's words. */
    private static String problem(RestTestClient.ResponseSpec response, int status) {
        JsonNode problem = json(response, status);
        String detail = problem.path("detail").asString();
        assertThat(detail).isNotBlank().doesNotContain("Exception").doesNotContain("JSON parse");
        return detail;
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

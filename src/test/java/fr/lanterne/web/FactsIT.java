package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facts read at ingest from real PDFs uploaded through the API (an acte d'engagement and a CCTP with an amount per
 * lot, SIRET, CPV, dates, cameras, a vendor's product, a law), served by {@code GET /api/documents/{sha256}/facts}
 * to whoever may read the document, shown on its page, and confirmed by a volunteer into a deployment.
 */
@LanterneIntegrationTest
class FactsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VENDOR = "Lumenvisio";
    private static final String PRODUCT = "Lumen Analyse";
    private static final String OTHER_RESEARCHER = "facts-chercheur-sud";

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> deployments = new ArrayList<>();

    @BeforeEach
    void vendorsAndAccounts() {
        TestUsers.ensure(users);
        TestUsers.ensure(users, OTHER_RESEARCHER, Role.RESEARCHER, "facts-sud");
        registry.registerVendor(VENDOR, List.of(Technology.VSA), List.of(PRODUCT));
    }

    @AfterEach
    void forgetDeployments() {
        for (long id : deployments) {
            registry.delete(id, registry.deployment(id).version(), TestUsers.ADMIN);
        }
    }

    private static byte[] contract() {
        return TestDocuments.textPdf("Marché de vidéoprotection", List.of(
                List.of("ACTE D'ENGAGEMENT", "Marché n° 2025-017 relatif à la vidéoprotection urbaine.",
                        "Titulaire : la société " + VENDOR + ", SIRET : 732 829 320 10008.",
                        "Code CPV principal : 32323500-8.", "Exemplaire " + UUID.randomUUID()),
                List.of("Lot 2 – Vidéoprotection urbaine : 120 000,00 € HT",
                        "Le marché est notifié le 3 mars 2025.",
                        "Il est conclu pour une durée de 48 mois.",
                        "Sous-traitant : SIRET : 732 829 320 10009."),
                List.of("CAHIER DES CLAUSES TECHNIQUES PARTICULIERES",
                        "Le titulaire installe 42 caméras et le logiciel " + PRODUCT + ".",
                        "En application de l'article 10 de la loi n° 2023-380 du 19 mai 2023.")));
    }

    @Test
    void the_facts_of_an_uploaded_contract_are_read_at_ingest_with_their_page() {
        String sha256 = upload(contract());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_fact_reading WHERE sha256 = ?").param(sha256)
                .query(Integer.class).single()).as("read at ingest, before anyone asked").isEqualTo(1);

        // A researcher of another group reads them, as they read the document.
        JsonNode facts = facts(sha256, OTHER_RESEARCHER);
        assertThat(facts.isArray()).isTrue();
        for (JsonNode fact : facts) {
            assertThat(fact.has("kind") && fact.has("value") && fact.has("unit") && fact.has("page")
                    && fact.has("passage")).as("shape of %s", fact).isTrue();
        }
        JsonNode amount = fact(facts, "AMOUNT", "120000.00");
        assertThat(amount.path("unit").asString()).isEqualTo("EUR HT");
        assertThat(amount.path("qualifier").asString()).isEqualTo("lot 2");
        assertThat(amount.path("page").asInt()).isEqualTo(2);
        assertThat(amount.path("passage").asString()).contains("120 000,00 € HT");
        assertThat(fact(facts, "SIRET", "73282932010008").path("page").asInt()).isEqualTo(1);
        assertThat(fact(facts, "CPV", "32323500-8").path("page").asInt()).isEqualTo(1);
        assertThat(fact(facts, "CONTRACT_NUMBER", "2025-017").path("page").asInt()).isEqualTo(1);
        assertThat(fact(facts, "VENDOR", VENDOR).path("page").asInt()).isEqualTo(1);
        assertThat(fact(facts, "DATE", "2025-03-03").path("qualifier").asString()).isEqualTo("NOTIFICATION");
        assertThat(fact(facts, "DURATION", "48").path("unit").asString()).isEqualTo("MONTHS");
        assertThat(fact(facts, "CAMERA_COUNT", "42").path("page").asInt()).isEqualTo(3);
        assertThat(fact(facts, "PRODUCT", PRODUCT).path("qualifier").asString()).isEqualTo(VENDOR);
        assertThat(fact(facts, "LEGAL_BASIS", "loi n° 2023-380, article 10").path("page").asInt()).isEqualTo(3);
        assertThat(facts.toString()).as("the SIRET with a wrong key is not proposed").doesNotContain("73282932010009");
        assertThat(jdbc.sql("SELECT invalid_keys FROM document_fact_reading WHERE sha256 = ?").param(sha256)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_letter_without_facts_has_none() {
        String sha256 = upload(TestDocuments.textPdf("Réponse", List.of(List.of("Madame, Monsieur,",
                "Nous accusons réception de votre demande de communication de documents administratifs.",
                "Veuillez agréer nos salutations distinguées. " + UUID.randomUUID()))));

        assertThat(facts(sha256, TestUsers.RESEARCHER)).isEmpty();
    }

    @Test
    void unknown_documents_and_missing_credentials_are_refused() {
        client.get().uri("/api/documents/{sha}/facts", "0".repeat(64))
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isNotFound();
        client.get().uri("/api/documents/{sha}/facts", "0".repeat(64))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_volunteer_confirms_facts_into_a_deployment_with_the_page_as_source_and_a_reread_keeps_them() {
        String sha256 = upload(contract());
        Deployment deployment = registry.create(new DeploymentDraft("05023", null, Technology.VSA, null, null,
                DeploymentStatus.ANNOUNCED, null, null, null, null, List.of()), TestUsers.ADMIN);
        deployments.add(deployment.id());
        JsonNode facts = facts(sha256, TestUsers.VOLUNTEER);
        long cameras = fact(facts, "CAMERA_COUNT", "42").path("id").asLong();
        long product = fact(facts, "PRODUCT", PRODUCT).path("id").asLong();
        long siret = fact(facts, "SIRET", "73282932010008").path("id").asLong();

        // A researcher reads, does not write.
        confirm(sha256, cameras, deployment.id(), TestUsers.RESEARCHER).expectStatus().isForbidden();
        confirm(sha256, cameras, deployment.id(), TestUsers.VOLUNTEER).expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(JSON.readTree(body).path("confirmedInto").asLong())
                        .isEqualTo(deployment.id()));
        confirm(sha256, product, deployment.id(), TestUsers.VOLUNTEER).expectStatus().isOk();
        confirm(sha256, siret, deployment.id(), TestUsers.VOLUNTEER).expectStatus().isEqualTo(409);
        confirm(sha256, 999_999_999L, deployment.id(), TestUsers.VOLUNTEER).expectStatus().isNotFound();

        Deployment after = registry.deployment(deployment.id());
        assertThat(after.cameraCount()).isEqualTo(42);
        assertThat(after.vendor()).isEqualTo(VENDOR);
        assertThat(after.product()).isEqualTo(PRODUCT);
        assertThat(after.sources()).anySatisfy(source -> {
            assertThat(source.documentSha256()).isEqualTo(sha256);
            assertThat(source.title()).endsWith("page 3");
            assertThat(source.quote()).contains("42 caméras");
        });

        // Reading the document again changes no fact and keeps the confirmations.
        client.post().uri("/api/documents/{sha}/reread", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk();
        JsonNode reread = facts(sha256, TestUsers.VOLUNTEER);
        assertThat(reread.size()).isEqualTo(facts.size());
        assertThat(fact(reread, "CAMERA_COUNT", "42").path("id").asLong()).isEqualTo(cameras);
        assertThat(fact(reread, "CAMERA_COUNT", "42").path("confirmedInto").asLong()).isEqualTo(deployment.id());
    }

    @Test
    void the_document_page_lists_the_facts_with_links_to_their_page() {
        String sha256 = upload(contract());

        String page = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD).page("/documents/" + sha256);

        assertThat(page).contains("Faits relevés").contains("120 000,00 € HT").contains("48 mois")
                .contains("42 caméras").contains("/documents/" + sha256 + "/fichier#page=3")
                .contains("numéro SIRET ou SIREN cité a une clé fausse");
    }

    @Test
    void the_vendor_page_lists_its_deployments_across_towns_with_confirmed_amounts_sortable_as_csv_and_json() {
        String sha256 = upload(contract());
        Deployment gap = registry.create(new DeploymentDraft("05061", null, Technology.VSA, VENDOR, PRODUCT,
                DeploymentStatus.DEPLOYED, 2024, null, 12, null, List.of()), TestUsers.ADMIN);
        Deployment embrun = registry.create(new DeploymentDraft("05046", null, Technology.VSA, VENDOR, null,
                DeploymentStatus.EXPERIMENT, 2025, null, 100, null, List.of()), TestUsers.ADMIN);
        deployments.add(gap.id());
        deployments.add(embrun.id());
        long amount = fact(facts(sha256, TestUsers.VOLUNTEER), "AMOUNT", "120000.00").path("id").asLong();
        confirm(sha256, amount, gap.id(), TestUsers.VOLUNTEER).expectStatus().isOk();
        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);

        String page = researcher.page("/fournisseurs/" + VENDOR);
        assertThat(page).contains("Fournisseur " + VENDOR).contains("Gap").contains("120000.00 EUR HT")
                .contains("/documents/" + sha256).contains("?tri=cameras");

        JsonNode json = JSON.readTree(researcher.page("/fournisseurs/" + VENDOR
                + "/export.json?tri=cameras"));
        List<Long> ids = new ArrayList<>();
        json.forEach(row -> ids.add(row.path("id").asLong()));
        assertThat(ids).as("the most cameras first").containsSubsequence(embrun.id(), gap.id());
        JsonNode gapRow = null;
        for (JsonNode row : json) {
            if (row.path("id").asLong() == gap.id()) {
                gapRow = row;
            }
        }
        assertThat(gapRow).isNotNull();
        assertThat(gapRow.path("amounts").get(0).asString()).isEqualTo("120000.00 EUR HT");
        assertThat(gapRow.path("documents").get(0).asString()).isEqualTo(sha256);

        String csv = researcher.page("/fournisseurs/" + VENDOR + "/export.csv");
        assertThat(csv).startsWith("\uFEFF\"deploiement\";\"commune\"").contains("\"120000.00 EUR HT\"")
                .contains("\"" + gap.id() + "\";\"Gap\"");

        assertThat(researcher.get("/fournisseurs/Inconnuvendor").getStatus().value()).isEqualTo(404);
    }

    private String upload(byte[] pdf) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_PDF);
        part.setContentDisposition(ContentDisposition.formData().name("file").filename("marche.pdf").build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(pdf, part));
        String response = client.post().uri("/api/documents")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        return JSON.readTree(response).path("sha256").asString();
    }

    private JsonNode facts(String sha256, String user) {
        return JSON.readTree(client.get().uri("/api/documents/{sha}/facts", sha256)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    private RestTestClient.ResponseSpec confirm(String sha256, long fact, long deployment, String user) {
        return client.post().uri("/api/documents/{sha}/facts/{id}/confirmation", sha256, fact)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("deploymentId", deployment))
                .exchange();
    }

    private static JsonNode fact(JsonNode facts, String kind, String value) {
        for (JsonNode fact : facts) {
            if (fact.path("kind").asString().equals(kind) && fact.path("value").asString().equals(value)) {
                return fact;
            }
        }
        throw new AssertionError("No " + kind + " " + value + " in " + facts);
    }
}

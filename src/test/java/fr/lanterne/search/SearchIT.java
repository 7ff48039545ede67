package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import fr.lanterne.web.PageSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Researchers' search on documents taken in as any reply is: real PDFs uploaded against requests to three towns,
 * read by Tika, indexed as the upload commits. Every document carries a word made up for this run, so that the
 * documents other tests ingest into the shared index do not count.
 */
@LanterneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtpAndImap();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Documents documents;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    Users users;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient client;

    /** A word no other document contains: letters only, so that the analysers keep it whole. */
    private final String marker = "zq" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    private String arles;
    private String montpellier;
    private String lyon;

    @BeforeAll
    void threeTownsAnswered() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of("mairie-13004", "mairie-34172", "mairie-69123"));
        // Délibération of Arles (13): "vidéo-protection" with a hyphen, Briefcam, markup-like text on page 2.
        arles = upload("13004", "vsa", "deliberation-arles.pdf", "Délibération n° 2021-045 " + marker, List.of(
                List.of("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL D'ARLES " + marker,
                        "Objet : extension du système de vidéo-protection urbaine et acquisition",
                        "d'un logiciel d'analyse des images auprès de la société Briefcam."),
                List.of("Le logiciel Briefcam permet la recherche de personnes dans les enregistrements.",
                        "Le rapport cite la balise <script>alert('x')</script> et le service R&D " + marker + ".",
                        "Douze caméras nouvelles seront raccordées au centre de supervision urbain.")));
        // AIPD of Montpellier (34): "vidéo protection" in two words, reconnaissance faciale.
        montpellier = upload("34172", "vsa", "aipd-montpellier.pdf",
                "Analyse d'impact relative à la protection des données " + marker, List.of(
                List.of("ANALYSE D'IMPACT RELATIVE À LA PROTECTION DES DONNÉES " + marker,
                        "Le traitement associe le réseau de vidéo protection de la ville à un dispositif",
                        "expérimental de reconnaissance faciale aux abords du stade.")));
        // Marché of Lyon (69): "vidéoprotection" in one word, no vendor named.
        lyon = upload("69123", "cctv", "cctp-lyon.pdf", "CCTP vidéoprotection " + marker, List.of(
                List.of("CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES " + marker,
                        "Marché de maintenance des équipements de vidéoprotection de la ville de Lyon.",
                        "Les analyses annuelles des caméras sont confiées au titulaire.")));
    }

    @Test
    void a_document_is_searchable_as_soon_as_its_upload_returns() {
        // threeTownsAnswered() searched nothing before; each upload was indexed as its transaction committed.
        JsonNode result = search(b -> b.queryParam("q", marker));
        assertThat(result.get("total").asLong()).as("every page of the three documents").isEqualTo(4);
        assertThat(shas(result)).containsOnly(arles, montpellier, lyon);
    }

    @Test
    void the_three_spellings_of_videoprotection_find_each_other() {
        for (String spelling : List.of("vidéoprotection", "vidéo-protection", "\"vidéo protection\"",
                "VIDEOPROTECTION")) {
            assertThat(shas(search(b -> b.queryParam("q", marker + " " + spelling))))
                    .as(spelling).containsExactlyInAnyOrder(arles, montpellier, lyon);
        }
    }

    @Test
    void elisions_plurals_and_accents_are_folded() {
        // "d'analyse" (elided), "ANALYSE" (capitals) and "analyses" (plural) are one word.
        assertThat(shas(search(b -> b.queryParam("q", marker + " analyses"))))
                .containsExactlyInAnyOrder(arles, montpellier, lyon);
        assertThat(shas(search(b -> b.queryParam("q", marker + " impacts")))).containsExactly(montpellier);
        assertThat(shas(search(b -> b.queryParam("q", marker + " camera")))).containsExactlyInAnyOrder(arles, lyon);
        assertThat(shas(search(b -> b.queryParam("q", marker + " \"reconnaissance faciale\""))))
                .containsExactly(montpellier);
        assertThat(shas(search(b -> b.queryParam("q", marker + " Briefcam OR faciale"))))
                .containsExactlyInAnyOrder(arles, montpellier);
        assertThat(shas(search(b -> b.queryParam("q", marker + " caméras -Briefcam")))).containsExactly(lyon);
        assertThat(shas(search(b -> b.queryParam("q", marker + " supervis*")))).containsExactly(arles);
    }

    @Test
    void facets_count_pages_and_a_filter_keeps_the_other_values_of_its_dimension() {
        JsonNode all = search(b -> b.queryParam("q", marker));
        assertThat(facet(all, "departement")).containsEntry("13", 2L).containsEntry("34", 1L).containsEntry("69", 1L);
        assertThat(facet(all, "vendor")).containsEntry("Briefcam", 2L);
        assertThat(facet(all, "kind")).containsKeys("DELIBERATION");

        JsonNode bouchesDuRhone = search(b -> b.queryParam("q", marker).queryParam("departement", "13"));
        assertThat(bouchesDuRhone.get("total").asLong()).isEqualTo(2);
        assertThat(shas(bouchesDuRhone)).containsOnly(arles);
        assertThat(facet(bouchesDuRhone, "departement")).as("drill sideways").containsKeys("13", "34", "69");

        assertThat(shas(search(b -> b.queryParam("q", marker).queryParam("vendor", "Briefcam")))).containsOnly(arles);
        assertThat(shas(search(b -> b.queryParam("q", marker).queryParam("technology", "reconnaissance faciale"))))
                .containsOnly(montpellier);
        JsonNode inline = search(b -> b.queryParam("q", marker + " departement:34"));
        assertThat(shas(inline)).containsExactly(montpellier);
    }

    @Test
    void a_hit_gives_its_page_and_a_highlighted_passage_with_the_text_escaped() {
        JsonNode result = search(b -> b.queryParam("q", marker + " enregistrements"));
        assertThat(result.get("total").asLong()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("sha256").asString()).isEqualTo(arles);
        assertThat(hit.get("page").asInt()).as("the second page of the délibération").isEqualTo(2);
        assertThat(hit.get("insee").asString()).isEqualTo("13004");
        assertThat(hit.get("authority").asString()).isEqualTo("mairie-13004");
        String passage = hit.get("passage").asString();
        assertThat(passage).contains("<mark>enregistrements</mark>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(hit.get("text").asString()).contains("<script>alert('x')</script>").doesNotContain("<mark>");
        assertThat(hit.get("file").asString()).isEqualTo("/api/documents/" + arles + "/file#page=2");
    }

    @Test
    void bad_queries_are_answered_never_with_a_server_error() {
        for (String query : List.of("\"vidéo " + marker, marker + " :", "departement: " + marker, "((" + marker,
                marker + " AND", "NOT", "*", "fournisseur:\"Briefcam " + marker, "\\" + marker, "a".repeat(1000))) {
            int status = client.get().uri(api(b -> b.queryParam("q", "{q}"), query))
                    .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                    .exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as(query).isEqualTo(200);
        }
        JsonNode unbalanced = search(b -> b.queryParam("q", "\"vidéoprotection " + marker));
        assertThat(unbalanced.get("readAsPlainWords").asBoolean()).isTrue();
        assertThat(unbalanced.get("notice").asString()).contains("tels quels");
        assertThat(shas(unbalanced)).containsExactlyInAnyOrder(arles, montpellier, lyon);

        for (String page : List.of("999", "2147483647", "99999999999", "0", "-3")) {
            JsonNode empty = search(b -> b.queryParam("q", marker).queryParam("page", page));
            assertThat(empty.get("hits")).as("page " + page).isEmpty();
            assertThat(empty.get("total").asLong()).as("page " + page).isEqualTo(4);
        }
        client.get().uri(api(b -> b.queryParam("q", marker).queryParam("page", "deux")))
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("n'est pas un nombre"));
        client.get().uri(api(b -> b.queryParam("q", marker).queryParam("technology", "laser")))
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Technologie inconnue"));
        client.get().uri(api(b -> b.queryParam("q", "{q}"), "a".repeat(1001)))
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void the_page_shows_facets_passages_and_links_to_the_page_and_exports_csv() {
        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);
        String page = researcher.page("/recherche?q=" + marker + "+enregistrements");
        assertThat(page).contains("Une page trouvée")
                .contains("<mark>enregistrements</mark>")
                .contains("&lt;script&gt;").doesNotContain("<script>alert")
                .contains("/documents/" + arles + "/fichier#page=2")
                .contains("/documents/" + arles + "#page-2")
                .contains("13 — Bouches-du-Rhône");
        assertThat(researcher.page("/recherche?q=" + marker + "&departement=34")).contains("Filtres")
                .contains("/documents/" + montpellier).doesNotContain("/documents/" + arles);
        assertThat(researcher.page("/recherche?q=\"" + marker)).contains("tels quels");

        var csv = researcher.get("/recherche.csv?q=" + marker + "&sort=date");
        assertThat(csv.getStatus().value()).isEqualTo(200);
        assertThat(String.valueOf(csv.getResponseHeaders().getContentType())).startsWith("text/csv");
        List<String> lines = csv.getResponseBody().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("\uFEFF\"document\";\"sha256\";\"administration\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"" + arles + "\"").contains("\"2\"")
                .contains("<script>alert('x')</script>").doesNotContain("<mark>")
                .contains("/documents/" + arles + "/fichier#page=2"));
    }

    @Test
    void a_confirmed_link_and_then_an_edit_of_the_deployment_reach_the_index() {
        String vendor = "Vendeur" + marker;
        Deployment deployment = registry.create(new DeploymentDraft("34172", null, Technology.SOUND_SENSORS, vendor,
                null, DeploymentStatus.EXPERIMENT, 2022, null, null, null, List.of()), TestUsers.VOLUNTEER);
        documents.decideLink(montpellier, deployment.id(), true, TestUsers.VOLUNTEER);
        assertThat(shas(search(b -> b.queryParam("q", marker).queryParam("vendor", vendor))))
                .containsExactly(montpellier);
        assertThat(facet(search(b -> b.queryParam("q", marker)), "technology")).containsKey("SOUND_SENSORS");

        String renamed = "Autre" + marker;
        // Confirming the link made the document a source of the deployment: a new version of it.
        int version = registry.deployment(deployment.id()).version();
        registry.update(deployment.id(), new DeploymentChanges(version, Technology.DRONES, renamed, null,
                null, null, null, null, null), TestUsers.VOLUNTEER);
        JsonNode after = search(b -> b.queryParam("q", marker));
        assertThat(facet(after, "vendor")).containsKey(renamed).doesNotContainKey(vendor);
        assertThat(facet(after, "technology")).containsKey("DRONES").doesNotContainKey("SOUND_SENSORS");
    }

    @Test
    void similar_documents_and_reindexing() {
        JsonNode similar = JSON.readTree(client.get().uri("/api/documents/{sha}/similar", lyon)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
        List<String> others = new ArrayList<>();
        similar.forEach(hit -> others.add(hit.get("sha256").asString()));
        assertThat(others).doesNotContain(lyon);

        client.post().uri("/api/search/reindex")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange().expectStatus().isForbidden();
        client.post().uri("/api/search/reindex")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        assertThat(shas(search(b -> b.queryParam("q", marker + " vidéoprotection"))))
                .as("the rebuilt index, from the database").containsExactlyInAnyOrder(arles, montpellier, lyon);
        // Visitors (public mode) search the published versions only: none of these documents is published.
        client.get().uri(api(b -> b.queryParam("q", marker))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private String upload(String insee, String template, String fileName, String title, List<List<String>> pages) {
        authorities.setContact("mairie-" + insee, new ContactDetails("mairie@" + insee + ".test", null, null, null),
                "test");
        RequestDetails request = requests.create(new NewRequest(insee, template, Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.sendDue(100);
        DocumentRecords.Report report = documents.upload(fileName, TestDocuments.textPdf(title, pages),
                request.reference().value(), TestUsers.VOLUNTEER);
        assertThat(report.items().get(0).result()).isIn(DocumentRecords.Result.INGESTED,
                DocumentRecords.Result.DUPLICATE);
        return report.items().get(0).sha256();
    }

    private JsonNode search(Function<UriBuilder, UriBuilder> parameters) {
        String body = client.get().uri(api(parameters))
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        return JSON.readTree(body);
    }

    private static Function<UriBuilder, URI> api(Function<UriBuilder, UriBuilder> parameters, Object... values) {
        return builder -> parameters.apply(builder.path("/api/search")).build(values);
    }

    private static List<String> shas(JsonNode result) {
        List<String> shas = new ArrayList<>();
        result.get("hits").forEach(hit -> {
            if (!shas.contains(hit.get("sha256").asString())) {
                shas.add(hit.get("sha256").asString());
            }
        });
        return shas;
    }

    private static Map<String, Long> facet(JsonNode result, String name) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        result.get("facets").get(name).forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the probes of issue 12 sent, and what they now get: a 400 or 413 naming the field, in French. */
@LanterneIntegrationTest
class ApiInputIT {

    @Autowired
    RestTestClient client;

    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    ApplicationContext context;

    private ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = ApiFixtures.in(context);
    }

    @AfterEach
    void tearDown() {
        fixtures.forget();
    }

    @Test
    void over_long_fields_of_a_deployment_are_named_with_their_limit() {
        JsonNode place = refused(HttpMethod.POST, "/api/deployments", deployment("\"place\": \"" + "p".repeat(600)
                + "\""), 400);
        assertThat(place.get("detail").asString()).isEqualTo("« place » : 600 caractères, 500 au plus.");
        assertThat(place.get("errors").get(0).get("field").asString()).isEqualTo("place");

        assertThat(refused(HttpMethod.POST, "/api/deployments", deployment("\"vendor\": \"" + "v".repeat(1000)
                + "\""), 400).get("detail").asString()).isEqualTo("« vendor » : 1000 caractères, 120 au plus.");
        assertThat(refused(HttpMethod.POST, "/api/deployments", deployment("\"summary\": \"" + "s".repeat(70_000)
                + "\""), 400).get("detail").asString())
                .isEqualTo("« summary » : 70000 caractères, 10000 au plus.");
        assertThat(refused(HttpMethod.POST, "/api/deployments", deployment("\"sources\": [{\"url\": "
                + "\"https://example.org/a\", \"quote\": \"" + "q".repeat(70_000) + "\"}]"), 400)
                .get("detail").asString()).isEqualTo("« sources[0].quote » : 70000 caractères, 10000 au plus.");
    }

    @Test
    void the_longest_texts_allowed_are_stored_and_changed_with_their_history() {
        // « é » takes two bytes: the limits hold in bytes too, and the history keeps both versions of a summary.
        String summary = "é".repeat(10_000);
        String body = deployment("\"place\": \"" + "à".repeat(500) + "\", \"summary\": \"" + summary
                + "\", \"sources\": [{\"url\": \"https://example.org/" + "u".repeat(1900) + "\", \"quote\": \""
                + "«".repeat(10_000) + "\"}]");
        JsonNode created = json.readTree(send(HttpMethod.POST, "/api/deployments", body).getResponseBody());
        long id = created.get("id").asLong();
        EntityExchangeResult<String> patched = send(HttpMethod.PATCH, "/api/deployments/" + id, "{\"version\": "
                + created.get("version").asInt() + ", \"summary\": \"" + "è".repeat(10_000) + "\"}");
        assertThat(patched.getStatus().value()).as(patched.getResponseBody()).isEqualTo(200);
        send(HttpMethod.DELETE, "/api/deployments/" + id + "?version="
                + json.readTree(patched.getResponseBody()).get("version").asInt(), "");
    }

    @Test
    void receipt_evidence_and_dates_are_checked() {
        String reference = fixtures.sent();
        String uri = "/api/requests/" + reference + "/received";
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": \"2026-03-04\", \"evidence\": \"" + "e".repeat(400)
                + "\"}", 400).get("detail").asString()).isEqualTo("« evidence » : 400 caractères, 300 au plus.");
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": \"2026-02-30\"}", 400).get("detail").asString())
                .isEqualTo("La date de réception « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours.");
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": \"04/03/2026\"}", 400).get("detail").asString())
                .contains("n'est pas au format AAAA-MM-JJ");
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": \"2100-01-01\"}", 400).get("detail").asString())
                .contains("est dans le futur");
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": \"2026-03-01\"}", 400).get("detail").asString())
                .contains("précède la date d'envoi");
        assertThat(refused(HttpMethod.POST, uri, "{\"date\": 20260304}", 400).get("detail").asString())
                .isEqualTo("« date » n’a pas le bon type : il faut un texte entre guillemets.");
        assertThat(send(HttpMethod.POST, uri, "{\"date\": \"2026-03-04\", \"evidence\": \"" + "e".repeat(300)
                + "\"}").getStatus().value()).isEqualTo(200);
    }

    @Test
    void a_source_seen_on_an_impossible_or_future_day_is_refused() {
        long id = fixtures.deployment();
        assertThat(refused(HttpMethod.POST, "/api/deployments/" + id + "/sources",
                "{\"url\": \"https://example.org/b\", \"seenOn\": \"2026-02-30\"}", 400).get("detail").asString())
                .isEqualTo("« seenOn » : la date « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours.");
        assertThat(refused(HttpMethod.POST, "/api/deployments/" + id + "/sources",
                "{\"url\": \"https://example.org/b\", \"seenOn\": \"2100-01-01\"}", 400).get("detail").asString())
                .isEqualTo("« seenOn » : 2100-01-01 est dans le futur ; une date passée convient (AAAA-MM-JJ).");
    }

    @Test
    void wrong_types_unknown_values_and_malformed_json_are_named_in_french() {
        assertThat(refused(HttpMethod.POST, "/api/requests",
                "{\"authority\": \"06088\", \"template\": \"vsa\", \"channel\": \"FAX\"}", 400).get("detail").asString())
                .isEqualTo("« channel » : « FAX » n’est pas une valeur possible ; valeurs possibles : EMAIL, POST.");
        assertThat(refused(HttpMethod.POST, "/api/campaigns", "{\"templates\": \"vsa\", \"dryRun\": true}", 400)
                .get("detail").asString())
                .isEqualTo("« templates » n’a pas le bon type : il faut une liste entre crochets [ ].");
        assertThat(refused(HttpMethod.POST, "/api/deployments", deployment("\"cameraCount\": \"trente\""), 400)
                .get("detail").asString()).isEqualTo("« cameraCount » : « trente » ne convient pas, il faut un nombre "
                + "entier.");
        assertThat(refused(HttpMethod.POST, "/api/documents/" + "0".repeat(64) + "/links/1", "{}", 400)
                .get("detail").asString()).isEqualTo("« confirmed » est obligatoire.");
        assertThat(refused(HttpMethod.POST, "/api/deployments", "{\"insee\": ", 400).get("detail").asString())
                .startsWith("Le corps de la requête s’arrête avant la fin du JSON");
        assertThat(refused(HttpMethod.POST, "/api/deployments", "", 400).get("detail").asString())
                .startsWith("Le corps de la requête est vide");
    }

    @Test
    void a_body_of_ten_megabytes_is_refused_before_it_is_read() {
        JsonNode problem = refused(HttpMethod.POST, "/api/deployments", deployment("\"summary\": \""
                + "s".repeat(10 * 1024 * 1024) + "\""), 413);
        assertThat(problem.get("detail").asString()).startsWith("Le corps de la requête dépasse 1 Mo");
    }

    @Test
    void refusals_made_before_any_controller_are_french_too() {
        EntityExchangeResult<String> text = client.post().uri("/api/deployments")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .contentType(MediaType.TEXT_PLAIN).body("insee=06088").exchange().returnResult(String.class);
        assertThat(text.getStatus().value()).isEqualTo(415);
        assertThat(json.readTree(text.getResponseBody()).get("detail").asString())
                .contains("type de contenu").contains("application/json");
        assertThat(refused(HttpMethod.PUT, "/api/deployments", "{}", 405).get("detail").asString())
                .isEqualTo("La méthode PUT ne convient pas pour cette adresse.");
        assertThat(refused(HttpMethod.POST, "/api/nulle-part", "{}", 404).get("detail").asString())
                .startsWith("Il n’y a rien à cette adresse");
    }

    private static String deployment(String field) {
        return "{\"insee\": \"" + ApiFixtures.TOWN + "\", \"technology\": \"CCTV\", \"status\": \"ANNOUNCED\", "
                + field + "}";
    }

    private JsonNode refused(HttpMethod method, String uri, String body, int status) {
        EntityExchangeResult<String> result = send(method, uri, body);
        assertThat(result.getStatus().value()).as("%s %s: %s", method, uri, result.getResponseBody())
                .isEqualTo(status);
        return json.readTree(result.getResponseBody());
    }

    private EntityExchangeResult<String> send(HttpMethod method, String uri, String body) {
        return client.method(method).uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .returnResult(String.class);
    }
}

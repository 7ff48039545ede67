package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.registry.Deployment;
import fr.lanterne.users.Users;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LanterneIntegrationTest
class RegistryApiIT {

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void the_seed_is_loaded_with_its_sources() {
        List<Deployment> nimes = list("/api/deployments?insee=30189");
        assertThat(nimes).anySatisfy(d -> {
            assertThat(d.vendor()).isEqualTo("Briefcam");
            assertThat(d.since()).isEqualTo(2015);
            assertThat(d.authorityCode()).isEqualTo("mairie-30189");
            assertThat(d.sources()).extracting(s -> s.quote()).contains("Que ce soit à Nîmes dès 2015 avec Briefcam");
        });
        List<Deployment> facial = list("/api/deployments?technology=FACIAL_RECOGNITION&status=BLOCKED_BY_COURT");
        assertThat(facial).extracting(Deployment::communeInsee).contains("06088", "13055");
        assertThat(facial).extracting(Deployment::authorityCode).contains("region-93");
        assertThat(list("/api/deployments?insee=75056")).anySatisfy(d -> assertThat(d.authorityCode()).isEqualTo("ratp"));
    }

    @Test
    void deployments_by_vendor_ignore_case() {
        assertThat(list("/api/deployments?vendor=briefcam")).extracting(Deployment::communeInsee).contains("30189");
        assertThat(list("/api/deployments?vendor=serenicity")).extracting(Deployment::technology)
                .extracting(Enum::name).contains("SOUND_SENSORS", "DRONES");
        assertThat(list("/api/deployments?vendor=inconnu")).isEmpty();
    }

    @Test
    void reading_is_open_writing_needs_a_volunteer() {
        String body = "{\"insee\":\"04088\",\"technology\":\"DRONES\",\"status\":\"ANNOUNCED\"}";
        client.post().uri("/api/deployments").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
        client.post().uri("/api/deployments").headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/deployments").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, "wrong password"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_volunteer_creates_edits_and_deletes_with_a_history() {
        Deployment created = client.post().uri("/api/deployments")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"insee": "04088", "technology": "VSA", "vendor": "Wintics", "product": "Cityvision",
                         "status": "ANNOUNCED", "since": 2026, "place": "place du Bourguet",
                         "sources": [{"url": "https://example.org/deliberation-2026-04", "title": "Délibération",
                                      "quote": "acquisition d'un logiciel d'analyse vidéo", "seenOn": "2026-11-20"}]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/deployments/"))
                .expectBody(Deployment.class).returnResult().getResponseBody();
        assertThat(created.communeName()).isEqualTo("Forcalquier");
        assertThat(created.vendor()).isEqualTo("Wintics");
        assertThat(created.sources()).hasSize(1);
        long id = created.id();

        client.patch().uri("/api/deployments/{id}", id)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"version\": " + created.version() + ", \"status\": \"DEPLOYED\", \"place\": \"\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DEPLOYED")
                .jsonPath("$.place").doesNotExist()
                .jsonPath("$.version").isEqualTo(created.version() + 1);

        client.patch().uri("/api/deployments/{id}", id)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"version\": " + created.version() + ", \"status\": \"ABANDONED\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(created.version() + 1);

        client.get().uri("/api/deployments/{id}/history", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].action").isEqualTo("CREATED")
                .jsonPath("$[0].changedBy").isEqualTo(TestUsers.VOLUNTEER)
                .jsonPath("$[0].changes.vendor").isEqualTo("Wintics")
                .jsonPath("$[1].action").isEqualTo("UPDATED")
                .jsonPath("$[1].changes.status.from").isEqualTo("ANNOUNCED")
                .jsonPath("$[1].changes.status.to").isEqualTo("DEPLOYED")
                .jsonPath("$[1].changes.place.from").isEqualTo("place du Bourguet");

        client.delete().uri("/api/deployments/{id}?version={v}", id, created.version() + 1)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/deployments/{id}", id).exchange().expectStatus().isNotFound();
        client.get().uri("/api/deployments/{id}/history", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[2].action").isEqualTo("DELETED");
    }

    @Test
    void bad_input_gets_a_sentence() {
        client.post().uri("/api/deployments")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"insee\": \"04088\", \"status\": \"DEPLOYED\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("technologie"));
        client.post().uri("/api/deployments")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"insee\": \"99999\", \"technology\": \"VSA\", \"status\": \"DEPLOYED\"}")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.insee").isEqualTo("99999");
        client.get().uri("/api/deployments?technology=LASERS").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("VSA").contains("LASERS"));
        client.post().uri("/api/deployments/1/sources")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\": \"ftp://example.org/x\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("http"));
    }

    @Test
    void vendors_list_their_products_and_technologies() {
        client.get().uri("/api/vendors").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'Wintics')].products[0]").isEqualTo("Cityvision")
                .jsonPath("$[?(@.name == 'Serenicity')].technologies[*]").value(t -> assertThat(t.toString())
                        .contains("SOUND_SENSORS").contains("DRONES"));
    }

    private List<Deployment> list(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Deployment>>() { })
                .returnResult().getResponseBody();
    }
}

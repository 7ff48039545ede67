package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The campaign API obeys the roles of the campaign pages: researchers read documents, they do not see campaigns. */
@LanterneIntegrationTest
class CampaignApiAccessIT {

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void a_researcher_is_refused_the_campaign_api_with_a_french_sentence_as_the_pages_refuse_them() {
        for (String uri : List.of("/api/campaigns/1", "/api/documents/unmatched", "/api/quarantine")) {
            client.get().uri(uri).headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectBody(String.class).value(body -> assertThat(body)
                            .contains("Votre compte ne permet pas cette action"));
        }
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "departement", "06", "dryRun", true))
                .exchange()
                .expectStatus().isForbidden();
        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);
        assertThat(researcher.get("/campagnes").getStatus().value()).isEqualTo(403);
    }

    @Test
    void a_volunteer_still_reads_a_campaign_dry_run() {
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "insee", List.of("06088"), "dryRun", true))
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/api/documents/unmatched").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER,
                        TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk();
    }
}

package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Campaigns to intercommunalités: by SIREN, or every EPCI with a member commune in a département. */
@LanterneIntegrationTest
class CampaignEpciIT {

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Test
    void a_campaign_to_one_epci_by_its_siren() {
        CampaignPlan plan = campaigns.plan(new NewCampaign(null, List.of("vsa"), new CampaignTargets(List.of(), null,
                null, false, List.of(), List.of("200030195"), null), null));
        assertThat(plan.targets()).isEqualTo(1);
        assertThat(plan.requests() + plan.skipped().size()).isEqualTo(1);
        assertThat(plan.withoutAddress().isEmpty() ? plan.listed().get(0).authorityCode()
                : plan.withoutAddress().get(0).authorityCode()).isEqualTo("epci-200030195");
    }

    @Test
    void every_epci_of_a_departement_once_even_with_a_siren_given_too() {
        long expected = jdbc.sql("""
                        SELECT COUNT(DISTINCT m.epci_siren) FROM epci_member m
                        JOIN commune c ON c.insee = m.insee AND c.kind = 'COMMUNE' WHERE c.departement = '06'""")
                .query(Long.class).single();
        assertThat(expected).isGreaterThan(5);
        CampaignPlan plan = campaigns.plan(new NewCampaign(null, List.of("vsa"), new CampaignTargets(List.of(), null,
                null, false, List.of(), List.of("200030195"), "06"), null));
        assertThat(plan.targets()).isEqualTo(expected);
    }

    @Test
    void a_wrong_siren_or_departement_is_a_french_sentence() {
        assertThatThrownBy(() -> new CampaignTargets(List.of(), null, null, false, List.of(), List.of("12"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SIREN");
        assertThatThrownBy(() -> campaigns.plan(new NewCampaign(null, List.of("vsa"), new CampaignTargets(List.of(),
                null, null, false, List.of(), List.of(), "99"), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n’existe pas");
        assertThatThrownBy(() -> campaigns.plan(new NewCampaign(null, List.of("vsa"), new CampaignTargets(List.of(),
                null, null, false, List.of(), List.of("999999999"), null), null)))
                .hasMessageContaining("epci-999999999");
    }

    @Test
    void the_campaign_api_takes_epci_and_epci_departement() {
        TestUsers.ensure(users);
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "epci", List.of("200030195"), "dryRun", true))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.targets").isEqualTo(1);
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "epciDepartement", "06", "dryRun", true))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.targets").value(n -> assertThat((Integer) n).isGreaterThan(5));
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "epci", List.of("abc"), "dryRun", true))
                .exchange()
                .expectStatus().isBadRequest();
    }
}

package fr.lanterne.web;

import fr.lanterne.LanterneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LanterneIntegrationTest
class AuthorityApiIT {

    @Autowired
    RestTestClient client;

    @Test
    void health_is_up() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void a_commune_by_its_insee_code() {
        client.get().uri("/api/authorities/06088").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.insee").isEqualTo("06088")
                .jsonPath("$.name").isEqualTo("Nice")
                .jsonPath("$.departement").isEqualTo("06")
                .jsonPath("$.region").isEqualTo("93")
                .jsonPath("$.population").isEqualTo(357737)
                .jsonPath("$.prada").isEqualTo(true)
                .jsonPath("$.townHall.code").isEqualTo("mairie-06088")
                .jsonPath("$.townHall.name").isEqualTo("Mairie de Nice")
                .jsonPath("$.bodies[*].code").value(codes -> org.assertj.core.api.Assertions.assertThat(codes)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("prefecture-06", "region-93"));
    }

    @Test
    void an_unknown_code_is_a_404_naming_it() {
        client.get().uri("/api/authorities/99999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.insee").isEqualTo("99999")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("99999"));
        client.get().uri("/api/authorities/abc").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.insee").isEqualTo("abc");
    }

    @Test
    void search_ignores_accents_case_and_punctuation_best_match_first() {
        for (String query : new String[] {"saint etienne", "SAINT-ÉTIENNE", "st etienne", "Saint Etienne"}) {
            client.get().uri(b -> b.path("/api/authorities").queryParam("q", query).build()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[0].insee").isEqualTo("42218")
                    .jsonPath("$[0].name").isEqualTo("Saint-Étienne")
                    .jsonPath("$[1].name").value(name -> org.assertj.core.api.Assertions.assertThat((String) name)
                            .startsWith("Saint-Étienne-"));
        }
    }

    @Test
    void search_by_postal_code_and_by_insee_code() {
        client.get().uri("/api/authorities?q=42000").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].insee").isEqualTo("42218");
        client.get().uri("/api/authorities?q=2A004").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].name").isEqualTo("Ajaccio");
        client.get().uri("/api/authorities?q=zzzzzz").exchange()
                .expectStatus().isOk()
                .expectBody().json("[]");
    }

    @Test
    void search_needs_a_query() {
        client.get().uri("/api/authorities").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("q");
    }

    @Test
    void a_code_that_disappeared_in_a_merger_leads_to_the_new_commune() {
        client.get().uri("/api/authorities/01340").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().location("/api/authorities/01015");
    }

    @Test
    void deadlines_explain_over_the_api_like_the_command_line() {
        client.get().uri("/api/deadlines/explain?received=2026-01-31&insee=57463").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.departement").isEqualTo("57")
                .jsonPath("$.steps[?(@.step == 'IMPLICIT_REFUSAL')].earliest").isEqualTo("2026-02-28")
                .jsonPath("$.steps[?(@.step == 'IMPLICIT_REFUSAL')].latest").isEqualTo("2026-03-02")
                .jsonPath("$.steps[?(@.step == 'IMPLICIT_REFUSAL')].basis[*].article").value(articles ->
                        org.assertj.core.api.Assertions.assertThat(articles.toString()).contains("CRPA R311-13"));
        // CJA R421-1, R421-2, CPC 642: refusal confirmed Sunday 28 February 2027, délai franc not stacked on it.
        client.get().uri("/api/deadlines/explain?received=2026-11-10&insee=75056&cadaRegistered=2026-12-28")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.steps[?(@.step == 'COURT_DEADLINE')].earliest").isEqualTo("2027-04-28")
                .jsonPath("$.steps[?(@.step == 'COURT_DEADLINE')].latest").isEqualTo("2027-04-29")
                .jsonPath("$.steps[?(@.step == 'COURT_DEADLINE')].explanation").value(text ->
                        org.assertj.core.api.Assertions.assertThat(text.toString()).contains("n° 488227"))
                .jsonPath("$.steps[?(@.step == 'CONFIRMED_REFUSAL')].basis[*].text").value(texts ->
                        org.assertj.core.api.Assertions.assertThat(texts.toString())
                                .contains("par l'administration mise en cause vaut décision de refus"));
        // CRPA R343-1: Mulhouse (68), the local Good Friday does not extend the referral to the CADA in Paris.
        client.get().uri("/api/deadlines/explain?received=2027-01-04&insee=68224&refused=2027-01-26").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.steps[?(@.step == 'CADA_REFERRAL_DEADLINE')].latest").isEqualTo("2027-03-26");
        client.get().uri("/api/deadlines/explain?received=2026-02-30&insee=57463").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d)
                        .contains("février"));
        client.get().uri("/api/deadlines/explain?received=2026-01-31&insee=99999").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.insee").isEqualTo("99999");
    }

    @Test
    void other_bodies_by_code() {
        client.get().uri("/api/authorities/by-code/prefecture-06").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Préfecture des Alpes-Maritimes");
        client.get().uri("/api/authorities/by-code/nope").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("nope");
    }
}

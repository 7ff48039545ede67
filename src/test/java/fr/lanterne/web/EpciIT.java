package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Epci;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Intercommunalités: loaded with the bundled list, searchable, on their own page and on their members' pages. */
@LanterneIntegrationTest
class EpciIT {

    private static final String NICE_METROPOLE = "200030195";

    @Autowired
    RestTestClient client;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_bundled_list_loads_every_epci_with_its_members_and_an_authority() {
        assertThat(count("SELECT COUNT(*) FROM epci WHERE current")).isEqualTo(1_255);
        assertThat(count("SELECT COUNT(*) FROM epci_member")).isEqualTo(34_871);
        assertThat(count("SELECT COUNT(*) FROM authority WHERE kind = 'EPCI' AND active")).isEqualTo(1_255);
        assertThat(count("SELECT COUNT(*) FROM reference_edition WHERE dataset = 'epci'")).isEqualTo(1);

        Epci nice = authorities.epci(NICE_METROPOLE);
        assertThat(nice.name()).isEqualTo("Métropole Nice Côte d'Azur");
        assertThat(nice.type()).isEqualTo("METRO");
        assertThat(nice.populationTotal()).isEqualTo(574_284);
        assertThat(nice.departement()).isEqualTo("06");
        assertThat(nice.members()).hasSize(51).extracting(Epci.Member::insee).contains("06088", "06157");
        assertThat(nice.prada().due()).isTrue();
        assertThat(authorities.authorityByCode("epci-" + NICE_METROPOLE).kind()).isEqualTo(AuthorityKind.EPCI);
        assertThat(authorities.epciOf("06157")).map(Epci.Ref::siren).contains(NICE_METROPOLE);
    }

    @Test
    void a_database_loaded_before_epci_existed_gets_them_at_its_next_start() {
        jdbc.sql("DELETE FROM reference_edition WHERE dataset = 'epci'").update();
        jdbc.sql("UPDATE epci SET name = 'ancien nom' WHERE siren = ?").param(NICE_METROPOLE).update();
        authorities.loadBundledReferenceData();
        assertThat(authorities.epci(NICE_METROPOLE).name()).isEqualTo("Métropole Nice Côte d'Azur");
        assertThat(count("SELECT COUNT(*) FROM reference_edition WHERE dataset = 'epci'")).isEqualTo(1);
    }

    @Test
    void search_finds_the_metropole_with_its_kind() {
        client.get().uri(b -> b.path("/api/authorities").queryParam("q", "metropole nice").build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].kind").isEqualTo("EPCI")
                .jsonPath("$[0].siren").isEqualTo(NICE_METROPOLE)
                .jsonPath("$[0].code").isEqualTo("epci-" + NICE_METROPOLE)
                .jsonPath("$[0].name").isEqualTo("Métropole Nice Côte d'Azur")
                .jsonPath("$[0].prada").isEqualTo(true);
        client.get().uri(b -> b.path("/api/authorities").queryParam("q", "MÉTROPOLE Nice-Côte").build()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].siren").isEqualTo(NICE_METROPOLE);
        client.get().uri("/api/authorities?q=" + NICE_METROPOLE).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].kind").isEqualTo("EPCI");
        // A commune that matches as well comes first.
        client.get().uri("/api/authorities?q=nice").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].insee").isEqualTo("06088").jsonPath("$[0].kind").isEqualTo("COMMUNE");
    }

    @Test
    void the_api_gives_an_epci_with_its_members_and_a_commune_with_its_epci() {
        client.get().uri("/api/authorities/epci/" + NICE_METROPOLE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("EPCI")
                .jsonPath("$.typeLabel").isEqualTo("métropole")
                .jsonPath("$.populationTotal").isEqualTo(574284)
                .jsonPath("$.publication").isEqualTo("probable")
                .jsonPath("$.authority.code").isEqualTo("epci-" + NICE_METROPOLE)
                .jsonPath("$.members[*].insee").value(codes -> assertThat(codes)
                        .asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(51).contains("06088"));
        client.get().uri("/api/authorities/06157").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.epci.siren").isEqualTo(NICE_METROPOLE)
                .jsonPath("$.prada").isEqualTo(true)
                .jsonPath("$.publication").isEqualTo("probable");
        client.get().uri("/api/authorities/by-code/epci-" + NICE_METROPOLE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("EPCI")
                .jsonPath("$.prada").isEqualTo(true)
                .jsonPath("$.publication").isEqualTo("probable");
        client.get().uri("/api/authorities/by-code/mairie-01250").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.prada").isEqualTo(false)
                .jsonPath("$.publication").isEqualTo("non applicable")
                .jsonPath("$.publicationReason").value(r -> assertThat((String) r).contains("3 500"));
        client.get().uri("/api/authorities/by-code/prefecture-06").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.publication").isEqualTo("indéterminée");
        client.get().uri("/api/authorities/epci/999999999").exchange().expectStatus().isNotFound();
        client.get().uri("/api/authorities/epci/abc").exchange().expectStatus().isNotFound();
    }

    @Test
    void a_municipal_arrondissement_has_no_prada_of_its_own() {
        client.get().uri(b -> b.path("/api/authorities").queryParam("q", "Marseille 1er Arrondissement").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].insee").isEqualTo("13201")
                .jsonPath("$[0].kind").isEqualTo("MUNICIPAL_DISTRICT")
                .jsonPath("$[0].population").value(p -> assertThat((Integer) p).isGreaterThan(10_000))
                .jsonPath("$[0].prada").isEqualTo(false);
    }

    @Test
    void the_epci_page_lists_its_members_and_the_member_page_links_to_it() {
        String epci = page("/intercommunalites/" + NICE_METROPOLE);
        assertThat(epci).contains("<h1>Métropole Nice Côte d&#39;Azur</h1>").contains("51 communes membres")
                .contains("href=\"/communes/06157\"").contains("574 284").contains("PRADA")
                .contains("epci-" + NICE_METROPOLE);
        String vence = page("/communes/06157");
        assertThat(vence).contains("Intercommunalité").contains("href=\"/intercommunalites/" + NICE_METROPOLE + "\"");
    }

    @Test
    void a_town_of_20000_shows_the_prada_and_the_publication_duty_one_of_2000_neither() {
        // Vence, 19,917 inhabitants (population municipale) in the commune list.
        String vence = page("/communes/06157");
        assertThat(vence).contains("personne responsable de l’accès aux documents administratifs")
                .contains("population municipale")
                .contains("<strong>probable</strong>").contains("50 agents");
        // Misérieux, 2,008 inhabitants.
        String small = page("/communes/01250");
        assertThat(small).doesNotContain("personne responsable de l’accès aux documents administratifs")
                .contains("<strong>non applicable</strong>").contains("moins de 3 500 habitants")
                .doesNotContain("Adresse de la PRADA");
        assertThat(vence).contains("Adresse de la PRADA");
        // The API says the same (CRPA R330-2; L312-1-1, D312-1-1-1), with the reasons.
        client.get().uri("/api/authorities/06157").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.prada").isEqualTo(true)
                .jsonPath("$.publication").isEqualTo("probable");
        client.get().uri("/api/authorities/01250").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.prada").isEqualTo(false)
                .jsonPath("$.publication").isEqualTo("non applicable");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String page(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

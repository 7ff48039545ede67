package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@LanterneIntegrationTest
class PagesIT {

    @Autowired
    RestTestClient client;

    @Autowired
    Registry registry;

    @Test
    void the_home_page_searches_towns_and_shows_the_registry() {
        String home = page("/");
        assertThat(home).contains("<html lang=\"fr\"").contains("Trouver une commune").contains("34 969 communes")
                .contains("Déploiements documentés").contains("Briefcam").contains("Nîmes");
        String results = page("/?q=saint etienne");
        assertThat(results).contains("Communes correspondant à « saint etienne »")
                .contains("href=\"/communes/42218\"").contains("Saint-Étienne-du-Rouvray");
    }

    @Test
    void a_single_match_goes_straight_to_the_town() {
        client.get().uri("/?q=06088").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).endsWith("/communes/06088"));
    }

    @Test
    void the_town_page_shows_population_contact_and_deployments() {
        String nice = page("/communes/06088");
        assertThat(nice).contains("<h1>Nice</h1>").contains("357 737").contains("Mairie de Nice")
                .contains("Préfecture des Alpes-Maritimes").contains("Wintics").contains("PRADA");
    }

    @Test
    void an_unknown_town_is_a_french_404() {
        client.get().uri("/communes/99999").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("Page introuvable").contains("Aucune commune n&#39;a le code INSEE « 99999 »"));
    }

    @Test
    void english_on_request() {
        client.get().uri("/communes/42218?lang=en").exchange()
                .expectStatus().isOk()
                .expectCookie().exists("lanterne-lang")
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("<html lang=\"en\"").contains("Where to write").contains("sound sensors"));
    }

    @Test
    void text_from_the_registry_is_escaped() {
        registry.create(new DeploymentDraft("59512", null, Technology.CCTV, null, null, DeploymentStatus.ANNOUNCED, null,
                "<img src=x onerror=alert(1)>", null, "<script>alert('xss')</script>",
                List.of(new SourceDraft(null, null, "\"><script>alert(2)</script>", null, null))), "test");
        String roubaix = page("/communes/59512");
        assertThat(roubaix).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    }

    private String page(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

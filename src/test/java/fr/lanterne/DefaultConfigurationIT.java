package fr.lanterne;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The application as a user starts it: default settings, background scheduling on (the other integration tests turn
 * it off to drive each step themselves). Its own data directory, and closed afterwards so that its schedulers do not
 * run beside the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lanterne.data-dir=target/it-defaults", "lanterne.database.binaries-dir=target/mariadb-binaries"})
@AutoConfigureRestTestClient
@DirtiesContext
class DefaultConfigurationIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    RestTestClient client;

    @Test
    void starts_with_its_defaults_and_asks_visitors_to_sign_in() {
        assertThat(context.getBeanNamesForType(org.springframework.scheduling.TaskScheduler.class)).isNotEmpty();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Connexion"));
        // Outside the public mode, nothing but the login page is open.
        for (String page : new String[] {"/", "/communes/06088", "/registre"}) {
            client.get().uri(page).exchange().expectStatus().is3xxRedirection()
                    .expectHeader().value("Location", location -> assertThat(location).endsWith("/login"));
        }
        client.get().uri("/api/deployments").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/authorities/06088").exchange().expectStatus().isUnauthorized();
    }
}

package fr.lanterne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Test
    void starts_with_its_defaults_and_asks_visitors_to_sign_in() {
        assertThat(context.getBeanNamesForType(org.springframework.scheduling.TaskScheduler.class)).isNotEmpty();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Connexion"));
        // Outside the public mode, the home page (the commune count, the registry table) and the login page only.
        client.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("34 969")
                        .contains("Déploiements documentés").contains("Briefcam"));
        for (String page : new String[] {"/communes/06088", "/registre", "/recherche", "/statistiques"}) {
            client.get().uri(page).exchange().expectStatus().is3xxRedirection()
                    .expectHeader().value("Location", location -> assertThat(location).endsWith("/login"));
        }
        client.get().uri("/api/deployments").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/authorities/06088").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void with_no_account_the_first_administrator_is_created_at_the_secret_address() {
        jdbc.sql("DELETE FROM app_user").update();
        String token = (String) ReflectionTestUtils.getField(context.getBean("firstAccount"), "token");
        client.get().uri("/installation").exchange().expectStatus().isNotFound();
        client.get().uri("/installation?jeton=guess").exchange().expectStatus().isNotFound();

        EntityExchangeResult<String> form = client.get().uri("/installation?jeton=" + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = form.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getResponseBody());
        assertThat(csrf.find()).isTrue();
        client.post().uri("/installation?jeton=" + token).header("Cookie", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=camille&password=un+long+mot+de+passe&confirmation=autre+chose&_csrf=" + csrf.group(1))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("ne sont pas les mêmes")
                        .contains("value=\"camille\""));
        client.post().uri("/installation?jeton=" + token).header("Cookie", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=camille&password=un+long+mot+de+passe&confirmation=un+long+mot+de+passe&_csrf="
                        + csrf.group(1))
                .exchange().expectStatus().is3xxRedirection();
        assertThat(users.find("camille")).get().extracting(User::role).isEqualTo(Role.ADMIN);
        // Once there is an account, the address is closed.
        client.get().uri("/installation?jeton=" + token).exchange().expectStatus().isNotFound();
        assertThatThrownBy(() -> users.addFirstAdministrator("dominique", "un autre long mot".toCharArray(), null))
                .isInstanceOf(ConflictException.class);
    }
}

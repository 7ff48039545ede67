package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.audit.AuditLog;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Password guessing is throttled (issue 12), through the form and HTTP Basic alike. The test settings suspend sign-in
 * for 3 s (LanterneIntegrationTest); each test signs in from its own made-up client address (X-Forwarded-For,
 * believed from 127.0.0.1 as from a proxy) so that the other tests' failures from 127.0.0.1 do not add up with these.
 */
@LanterneIntegrationTest
class LoginThrottlingIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    AuditLog auditLog;

    private String account;
    private String address;

    @BeforeEach
    void anAccountOfItsOwn() {
        account = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(users, account, Role.VOLUNTEER, null);
        address = "203.0.113." + ADDRESSES.incrementAndGet();
    }

    @Test
    void five_wrong_passwords_by_basic_suspend_the_account_with_429_and_retry_after_then_it_signs_in_again()
            throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertThat(basic(account, "wrong " + i, address).getStatus().value()).isEqualTo(401);
        }
        // The right password too is refused while suspended, from any address: the password is not even checked.
        for (String from : List.of(address, "198.51.100.77")) {
            EntityExchangeResult<String> refused = basic(account, TestUsers.PASSWORD, from);
            assertThat(refused.getStatus().value()).isEqualTo(429);
            String retryAfter = refused.getResponseHeaders().getFirst("Retry-After");
            assertThat(retryAfter).isNotNull();
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 3);
            assertThat(refused.getResponseBody()).contains("la connexion est suspendue").contains("Réessayez dans");
        }

        List<AuditLog.Entry> audit = auditLog.recent(account, 50);
        assertThat(audit).filteredOn(e -> e.method().equals("LOGIN")).hasSize(5)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.remote()).isEqualTo(address);
                });
        assertThat(audit).filteredOn(e -> e.method().equals("LOCK")).singleElement()
                .satisfies(e -> assertThat(e.path()).contains("pour ce compte après 5 échecs"));

        Thread.sleep(3_100);
        assertThat(basic(account, TestUsers.PASSWORD, address).getStatus().value()).isEqualTo(200);
    }

    @Test
    void a_successful_sign_in_clears_the_accounts_failures() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(basic(account, "wrong", address).getStatus().value()).isEqualTo(401);
            }
            assertThat(basic(account, TestUsers.PASSWORD, address).getStatus().value())
                    .as("4 failures, then the right password: round %d", round).isEqualTo(200);
        }
        assertThat(auditLog.recent(account, 50)).noneMatch(e -> e.method().equals("LOCK"));
    }

    @Test
    void five_wrong_passwords_in_the_form_suspend_the_account_with_a_french_message() throws InterruptedException {
        FormSignIn form = new FormSignIn();
        for (int i = 0; i < 5; i++) {
            assertThat(form.post(account, "wrong " + i)).endsWith("/login?error");
        }
        assertThat(form.post(account, TestUsers.PASSWORD)).endsWith("/login?bloque=1");
        assertThat(form.page("/login?bloque=1")).contains("Trop d’échecs de connexion")
                .contains("Réessayez dans une minute");
        assertThat(form.page("/login?bloque=appelez-le-0800")).doesNotContain("Trop d’échecs");
        assertThat(auditLog.recent(account, 50)).filteredOn(e -> e.method().equals("LOCK")).hasSize(1);
        assertThat(auditLog.recent(account, 50)).filteredOn(e -> e.method().equals("LOGIN")).hasSize(5);

        Thread.sleep(3_100);
        assertThat(form.post(account, TestUsers.PASSWORD)).doesNotContain("/login");
    }

    /** The login form, from this test's client address, with the session and CSRF token of the page. */
    private final class FormSignIn {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
        private String session;

        String page(String uri) {
            EntityExchangeResult<String> result = client.get().uri(uri)
                    .headers(h -> {
                        h.add("X-Forwarded-For", address);
                        if (session != null) {
                            h.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
                        }
                    })
                    .exchange().returnResult(String.class);
            remember(result);
            return result.getResponseBody();
        }

        /** Where the form sends the browser. */
        String post(String username, String password) {
            Matcher csrf = CSRF.matcher(page("/login"));
            assertThat(csrf.find()).isTrue();
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            fields.add("username", username);
            fields.add("password", password);
            fields.add("_csrf", csrf.group(1));
            EntityExchangeResult<String> result = client.post().uri("/login")
                    .headers(h -> {
                        h.add("X-Forwarded-For", address);
                        h.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
                    })
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(fields)
                    .exchange().returnResult(String.class);
            assertThat(result.getStatus().is3xxRedirection()).as("the form redirects").isTrue();
            remember(result);
            return String.valueOf(result.getResponseHeaders().getLocation());
        }

        private void remember(EntityExchangeResult<String> result) {
            for (String cookie : result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                Matcher matcher = SESSION.matcher(cookie);
                if (matcher.find()) {
                    session = matcher.group(1);
                }
            }
        }
    }

    @Test
    void twenty_failures_from_one_address_suspend_every_account_from_it_and_only_from_it()
            throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            assertThat(basic("nobody-" + UUID.randomUUID(), "guess", address).getStatus().value()).isEqualTo(401);
        }
        assertThat(basic(account, TestUsers.PASSWORD, address).getStatus().value()).isEqualTo(429);
        assertThat(basic(account, TestUsers.PASSWORD, "198.51.100.78").getStatus().value()).isEqualTo(200);
        Thread.sleep(3_100);
        assertThat(basic(account, TestUsers.PASSWORD, address).getStatus().value()).isEqualTo(200);
    }

    private EntityExchangeResult<String> basic(String username, String password, String from) {
        return client.get().uri("/api/search/status")
                .headers(h -> {
                    h.setBasicAuth(username, password);
                    h.add("X-Forwarded-For", from);
                })
                .exchange()
                .returnResult(String.class);
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.audit.AuditLog;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.users.Users;
import java.util.List;
import java.util.UUID;
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

/** The headers and cookies every answer carries (issue 12), and no secret of an address kept in the audit log. */
@LanterneIntegrationTest
class SecurityHeadersIT {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Documents documents;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void pages_and_api_answers_carry_the_content_security_policy() {
        for (String uri : List.of("/", "/login", "/communes/06088", "/registre", "/api/authorities/06088",
                "/api/deployments?insee=06088", "/nowhere", "/css/lanterne.css")) {
            EntityExchangeResult<String> result = client.get().uri(uri).exchange().returnResult(String.class);
            assertThat(result.getResponseHeaders().get("Content-Security-Policy")).as(uri).containsExactly(POLICY);
            assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).as(uri).isEqualTo("nosniff");
            assertThat(result.getResponseHeaders().getFirst("Referrer-Policy")).as(uri).isEqualTo("same-origin");
        }
        EntityExchangeResult<String> refused = client.get().uri("/api/requests/LNT-2026-000001")
                .exchange().returnResult(String.class);
        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertThat(refused.getResponseHeaders().get("Content-Security-Policy")).containsExactly(POLICY);
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.get("/travail").getResponseHeaders().get("Content-Security-Policy"))
                .containsExactly(POLICY);
    }

    @Test
    void a_received_file_keeps_its_own_sandbox_policy_alone() {
        byte[] pdf = TestDocuments.textPdf("Note " + UUID.randomUUID(), List.of(List.of("Une note.")));
        String sha256 = documents.upload("note.pdf", pdf, null, TestUsers.ADMIN).items().get(0).sha256();
        EntityExchangeResult<byte[]> file = client.get().uri("/api/documents/{sha}/file", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().returnResult(byte[].class);
        assertThat(file.getStatus().value()).isEqualTo(200);
        assertThat(file.getResponseHeaders().get("Content-Security-Policy")).containsExactly("sandbox");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only_and_secure_over_https() {
        String plain = sessionCookie(client.get().uri("/login").exchange().returnResult(String.class));
        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        EntityExchangeResult<String> https = client.get().uri("/login")
                .headers(h -> h.add("X-Forwarded-Proto", "https"))
                .exchange().returnResult(String.class);
        assertThat(sessionCookie(https)).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
        assertThat(https.getResponseHeaders().getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(client.get().uri("/login").exchange().returnResult(String.class).getResponseHeaders()
                .getFirst("Strict-Transport-Security")).as("never over plain HTTP").isNull();
    }

    @Test
    void the_audit_log_keeps_no_secret_from_an_address() {
        String secret = "Zq" + UUID.randomUUID().toString().replace("-", "");
        // Sent as the first administrator's installation would be: to the address with its token.
        EntityExchangeResult<String> login = client.get().uri("/login").exchange().returnResult(String.class);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.getResponseBody());
        assertThat(csrf.find()).isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        form.add("username", "intrus");
        form.add("password", "un mot de passe assez long");
        form.add("confirmation", "un mot de passe assez long");
        form.add("email", "intrus@example.org");
        client.post().uri("/installation?jeton=" + secret)
                .headers(h -> h.add(HttpHeaders.COOKIE, sessionCookie(login).split(";")[0]))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange().returnResult(String.class);

        List<AuditLog.Entry> recent = auditLog.recent(null, 50);
        assertThat(recent).anySatisfy(e -> assertThat(e.path()).isEqualTo("/installation?jeton=…"));
        assertThat(recent).noneSatisfy(e -> assertThat(e.path()).contains(secret));
    }

    private static String sessionCookie(EntityExchangeResult<?> result) {
        return result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + result.getResponseHeaders()));
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A person using the pages, as a browser would: signed in through the login form, carrying the session cookie, and
 * sending each form with the CSRF token of the page it came from.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final RestTestClient client;
    private String session;
    private String csrf;

    private PageSession(RestTestClient client) {
        this.client = client;
    }

    /** Signs in through the login form. */
    public static PageSession signIn(RestTestClient client, String username, String password) {
        PageSession browser = new PageSession(client);
        browser.page("/login");
        EntityExchangeResult<String> result = browser.post("/login", Map.of("username", username,
                "password", password));
        assertThat(result.getStatus().is3xxRedirection()).as("signing in redirects").isTrue();
        assertThat(String.valueOf(result.getResponseHeaders().getLocation()))
                .as("signed in, not sent back to the login page").doesNotContain("error");
        return browser;
    }

    /** A visitor without an account. */
    public static PageSession anonymous(RestTestClient client) {
        return new PageSession(client);
    }

    /** A page that must answer 200; its CSRF token is kept for the next form. */
    public String page(String uri) {
        EntityExchangeResult<String> result = get(uri);
        assertThat(result.getStatus().value()).as("GET " + uri).isEqualTo(200);
        return result.getResponseBody();
    }

    public EntityExchangeResult<String> get(String uri) {
        EntityExchangeResult<String> result = client.get().uri(uri)
                .headers(this::cookie)
                .exchange()
                .returnResult(String.class);
        remember(result);
        return result;
    }

    /** Sends a form as the page last read would. */
    public EntityExchangeResult<String> post(String uri, Map<String, ?> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> form.add(name, v));
            } else {
                form.add(name, value);
            }
        });
        if (csrf != null) {
            form.add("_csrf", csrf);
        }
        boolean multipart = form.values().stream().flatMap(List::stream)
                .anyMatch(v -> !(v instanceof String));
        EntityExchangeResult<String> result = client.post().uri(uri)
                .headers(this::cookie)
                .contentType(multipart ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .returnResult(String.class);
        remember(result);
        return result;
    }

    /** The page a redirect leads to. */
    public String follow(EntityExchangeResult<String> redirect) {
        assertThat(redirect.getStatus().is3xxRedirection()).as("a redirect, got " + redirect.getStatus() + ": "
                + redirect.getResponseBody()).isTrue();
        return page(redirect.getResponseHeaders().getLocation().toString());
    }

    /** The session cookie's value, for requests made outside this class (a PDF, a file). */
    public String sessionId() {
        return session;
    }

    private void cookie(HttpHeaders headers) {
        if (session != null) {
            headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
    }

    private void remember(EntityExchangeResult<String> result) {
        for (String cookie : result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            Matcher matcher = SESSION.matcher(cookie);
            if (matcher.find()) {
                session = matcher.group(1);
            }
        }
        String body = result.getResponseBody();
        if (body != null) {
            Matcher matcher = CSRF.matcher(body);
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }
}

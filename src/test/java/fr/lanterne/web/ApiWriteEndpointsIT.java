package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write endpoint of the API (POST, PUT, PATCH, DELETE under /api/, read from the application's own mappings so
 * that a new one cannot be left out) is sent over-long texts, values of the wrong type, nulls, malformed JSON and
 * bodies over the size cap, as an administrator: none may answer 5xx, and a refusal's {@code detail} is French.
 */
@LanterneIntegrationTest
class ApiWriteEndpointsIT {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");
    /** A library's English, which must never reach a person. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)cannot|could not|failed to|JSON parse|required "
            + "request body|must not|must be|size must|not supported|java\\.|tools\\.jackson|exception|Unexpected");
    private static final String LONG = "x".repeat(70_000);
    /** A French sentence: French words or letters (the API's sentences are all French). */
    private static final Pattern FRENCH = Pattern.compile("(?iu)[«éèàêçù]|\\b(une?|est|les?|la|des?|du|pas|au)\\b");
    // Each costs a password check (HTTP Basic): a few values that break every kind of field (an object for a text,
    // a text for a number or an enum, a fraction for a whole number, an impossible date, null, an over-long text);
    // JsonProblemsTest covers the other shapes without a server.
    private static final List<String> WRONG_VALUES = List.of("{\"a\": 1}", "\"texte\"", "1.5", "\"2026-02-30\"",
            "null", "\"" + LONG + "\"");

    @Autowired
    RestTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    ApplicationContext context;

    private ApiFixtures fixtures;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = ApiFixtures.in(context);
    }

    @AfterEach
    void tearDown() {
        fixtures.forget();
    }

    /** An endpoint, and the type of its JSON body (null when it reads none). */
    record Endpoint(HttpMethod method, String pattern, Class<?> body) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void every_write_endpoint_refuses_bad_bodies_without_a_server_error() throws IOException {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the API's write endpoints")
                .extracting(Endpoint::toString)
                .contains("POST /api/deployments", "PATCH /api/deployments/{id}", "POST /api/requests",
                        "POST /api/requests/{reference}/received", "POST /api/campaigns",
                        "PUT /api/authorities/by-code/{code}/contact", "POST /api/documents");
        Map<String, String> variables = variables();
        for (Endpoint endpoint : endpoints) {
            String uri = uri(endpoint.pattern(), variables);
            // Over the size cap, declared: refused before anything reads it.
            check(endpoint, uri, "{\"a\": \"" + "x".repeat(1_100_000) + "\"}", "a body of 1.1 MB", 413);
            if (endpoint.body() == null) {
                continue;
            }
            chunked(endpoint, uri);
            check(endpoint, uri, "{\"a\": ", "malformed JSON", 400);
            check(endpoint, uri, "[1, 2]", "an array", 400);
            // An optional body may be left out (POST …/sent records today's sending).
            check(endpoint, uri, "", "an empty body", -1);
            Map<String, Object> overLong = overLong(endpoint.body());
            if (!overLong.isEmpty()) {
                check(endpoint, uri, json.writeValueAsString(overLong), "every text over-long", 400);
            }
            for (Property property : properties(endpoint.body())) {
                for (String value : WRONG_VALUES) {
                    check(endpoint, uri, "{\"" + property.name() + "\": " + value + "}",
                            property.name() + " = " + abbreviate(value), -1);
                }
            }
        }
        assertThat(failures).as("answers that break the rules").isEmpty();
    }

    private void check(Endpoint endpoint, String uri, String body, String what, int expected) {
        EntityExchangeResult<String> result = client.method(endpoint.method()).uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .returnResult(String.class);
        judge(endpoint, what, result.getStatus().value(), result.getResponseBody(), expected);
    }

    /** The same oversized body without a declared length: the bounded stream stops it. */
    private void chunked(Endpoint endpoint, String uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + uri).toURL()
                .openConnection();
        // HttpURLConnection knows no PATCH; the chunked cap is the same filter for every method.
        connection.setRequestMethod(endpoint.method() == HttpMethod.PATCH ? "PUT" : endpoint.method().name());
        if (endpoint.method() == HttpMethod.PATCH) {
            connection.setRequestProperty("X-HTTP-Method-Override", "PATCH");
            return;
        }
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(8192);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        int status;
        String answer;
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write("{\"a\": \"".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 200; i++) {
                    out.write(chunk);
                }
                out.write("\"}".getBytes(StandardCharsets.US_ASCII));
            }
            status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException closedWhileSending) {
            // The server may answer and close before the whole body is sent: then the answer is lost, not a 5xx.
            return;
        } finally {
            connection.disconnect();
        }
        judge(endpoint, "a chunked body of 1.6 MB", status, answer, 413);
    }

    private void judge(Endpoint endpoint, String what, int status, String body, int expected) {
        String where = endpoint + " with " + what + ": " + status + " " + abbreviate(String.valueOf(body));
        if (status >= 500) {
            failures.add(where);
            return;
        }
        if (expected > 0 && status != expected && status != 404) {
            failures.add(where + " (expected " + expected + ")");
            return;
        }
        if (status == 400 || status == 413 || status == 415) {
            Optional<String> detail = detail(body);
            if (detail.isEmpty() || ENGLISH.matcher(detail.get()).find() || !FRENCH.matcher(detail.get()).find()) {
                failures.add(where + " (the detail must be a French sentence)");
            }
        }
    }

    private Optional<String> detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.hasNonNull("detail") ? Optional.of(problem.get("detail").asString()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = null;
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter.getParameterType();
                }
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    HttpMethod http = HttpMethod.valueOf(method.name());
                    if (pattern.startsWith("/api/") && WRITES.contains(http)) {
                        endpoints.add(new Endpoint(http, pattern, body));
                    }
                }
            }
        }
        endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
        return endpoints;
    }

    /** What each path variable stands for; a new one fails here until it is given a value. */
    private Map<String, String> variables() {
        String sha256 = fixtures.document();
        long deployment = fixtures.deployment();
        return Map.of("reference", fixtures.sent(), "id", String.valueOf(deployment),
                "deploymentId", String.valueOf(deployment), "sha256", sha256, "code", "mairie-" + ApiFixtures.TOWN);
    }

    private static String uri(String pattern, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = pattern.startsWith("/api/quarantine/") ? "999999999" : variables.get(name);
            assertThat(value).as("a value for {%s} of %s, in variables()", name, pattern).isNotNull();
            matcher.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(uri);
        return uri.toString();
    }

    /** Every text of the body, nested records and lists included, 70,000 characters long. */
    /** A JSON property of a body: a record's component, or a field of a form class (as Jackson binds it). */
    private record Property(String name, Class<?> type, Type generic) {
    }

    private static List<Property> properties(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(c -> new Property(c.getName(), c.getType(), c.getGenericType())).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(f -> new Property(f.getName(), f.getType(), f.getGenericType())).toList();
    }

    private static Map<String, Object> overLong(Class<?> type) {
        Map<String, Object> body = new TreeMap<>();
        for (Property property : properties(type)) {
            Object value = overLong(property.type(), property.generic());
            if (value != null) {
                body.put(property.name(), value);
            }
        }
        return body;
    }

    private static Object overLong(Class<?> type, Type generic) {
        if (type == String.class) {
            return LONG;
        }
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            Object value = overLong(element, element);
            return value == null ? null : List.of(value);
        }
        if (type.isRecord()) {
            Map<String, Object> nested = overLong(type);
            return nested.isEmpty() ? null : new LinkedHashMap<>(nested);
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON body of the README's API section (its table and its curl examples) works as written: each is sent, as an
 * administrator, to its method and path, and must be answered 2xx, so that the README and the API cannot drift apart.
 *
 * <p>What is substituted, and only that: the path variables by things that exist ({@code {reference}} by a request
 * in the state the action needs — not sent for {@code /sent}, sent on 2 March 2026 for {@code /received},
 * {@code /withdrawal} and {@code /transmission}, received on
 * 4 March for {@code /answer} and {@code /refusal} —, {@code {sha256}} by a document — a PDF with a name, an email and a camera count for the redaction and facts
 * paths —, {@code {id}} by a deployment, or by that PDF's camera count for a fact; a proposal's and a deployment's
 * number 12 in a body by real ones);
 * {@code "LNT-…"} by a request's reference; the towns of the examples (06088, 04088) by Embrun (05046), which no
 * other test writes to, since the requests and addresses they create last; and the placeholders a server would refuse
 * as they are: an email {@code "…"} by {@code mairie@example.org}, a postal address {@code "…"} by Embrun's town
 * hall's, a {@code "https://…"} by a real address.
 */
@LanterneIntegrationTest
class ReadmeApiExamplesIT {

    private static final Pattern ENDPOINT = Pattern.compile("`(?:(GET|POST|PUT|PATCH|DELETE) )?(/[^`\\s]*)`");
    private static final Pattern BODY = Pattern.compile("`(\\{[^`]*})`");
    private static final Pattern CURL = Pattern.compile("curl .*?-X (\\w+) (\\S+).*?-d '([^']*)'");

    /** One example: the method, the path as written, the body as written. */
    record Example(String method, String path, String body) {
    }

    @Autowired
    RestTestClient client;

    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    ApplicationContext context;

    private ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = ApiFixtures.in(context);
    }

    @AfterEach
    void tearDown() {
        fixtures.forget();
    }

    @Test
    void every_json_body_of_the_readme_api_section_is_accepted() throws IOException {
        List<Example> examples = examples(Files.readString(Path.of("README.md")));
        assertThat(examples).as("the README's examples with a body").extracting(e -> e.method() + " " + e.path())
                .contains("POST /api/requests", "POST /api/campaigns", "POST /api/deployments",
                        "POST /api/requests/{reference}/received", "PUT /api/authorities/by-code/mairie-06088/contact");
        List<String> refused = new ArrayList<>();
        for (Example example : examples) {
            String path = path(example.path());
            String body = body(example.body());
            EntityExchangeResult<String> result = client.method(HttpMethod.valueOf(example.method())).uri(path)
                    .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .returnResult(String.class);
            if (!result.getStatus().is2xxSuccessful()) {
                refused.add(example + " sent as " + path + " " + body + ": " + result.getStatus().value() + " "
                        + result.getResponseBody());
            } else if (example.path().equals("/api/deployments")) {
                JsonNode created = json.readTree(result.getResponseBody());
                fixtures.adopt(created.get("id").asLong());
            }
        }
        assertThat(refused).as("README examples refused").isEmpty();
    }

    /** The table rows of "The REST API" with a body, then its curl examples with {@code -d}. */
    static List<Example> examples(String readme) {
        int start = readme.indexOf("## The REST API");
        assertThat(start).as("README.md has a section « The REST API »").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<Example> examples = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split(" \\| ", 2);
            List<String> bodies = new ArrayList<>();
            Matcher body = BODY.matcher(cells.length > 1 ? cells[1] : "");
            while (body.find()) {
                bodies.add(body.group(1));
            }
            if (bodies.isEmpty()) {
                continue;
            }
            // "`POST /api/requests/{reference}/sent`, `/answer`": a bare path continues the one before it.
            String method = null;
            String base = null;
            Matcher endpoint = ENDPOINT.matcher(cells[0]);
            while (endpoint.find()) {
                String path = endpoint.group(2);
                if (endpoint.group(1) != null) {
                    method = endpoint.group(1);
                    base = path.substring(0, path.lastIndexOf('/'));
                } else {
                    path = base + path;
                }
                if (method != null && !method.equals("GET")) {
                    for (String b : bodies) {
                        examples.add(new Example(method, path, b));
                    }
                }
            }
        }
        Matcher curl = CURL.matcher(section.replace("\\\n", " "));
        while (curl.find()) {
            examples.add(new Example(curl.group(1), curl.group(2).replaceFirst("^https?://[^/]+", ""),
                    curl.group(3)));
        }
        return examples;
    }

    private String path(String written) {
        String path = written.replace("06088", ApiFixtures.README_TOWN).replace("04088", ApiFixtures.README_TOWN);
        if (path.contains("{reference}")) {
            String action = path.substring(path.lastIndexOf('/') + 1);
            String reference = switch (action) {
                // A withdrawal cannot be dated before the request went.
                case "received", "withdrawal", "transmission" -> fixtures.sent();
                case "answer", "refusal" -> fixtures.received();
                default -> fixtures.created();
            };
            path = path.replace("{reference}", reference);
        }
        if (path.contains("{sha256}/redactions") || path.contains("{sha256}/facts")) {
            // What occults and what is read out of a document needs a PDF with something to find.
            path = path.replace("{sha256}", fixtures.pdfDocument());
        }
        if (path.contains("{sha256}")) {
            path = path.replace("{sha256}", fixtures.document());
        }
        if (path.contains("/facts/{id}")) {
            path = path.replace("{id}", String.valueOf(fixtures.cameraCountFact()));
        }
        if (path.contains("{id}")) {
            path = path.replace("{id}", String.valueOf(fixtures.deployment()));
        }
        assertThat(path).as("every variable of %s has a value", written).doesNotContain("{");
        return path;
    }

    private String body(String written) {
        String body = written.replace("\"06088\"", "\"" + ApiFixtures.README_TOWN + "\"")
                .replace("\"04088\"", "\"" + ApiFixtures.README_TOWN + "\"")
                // A camera of the examples moves with its town, so that no camera of Embrun stands in Forcalquier.
                .replace("\"lat\": 43.9597, \"lon\": 5.7806", "\"lat\": 44.5664, \"lon\": 6.4958")
                .replace("\"https://…\"", "\"https://example.org/deliberation\"")
                .replace("\"email\": \"…\"", "\"email\": \"mairie@example.org\"")
                .replace("\"postalAddress\": \"…\"", "\"postalAddress\": \"Place Barthelon / 05200 Embrun\"");
        if (body.contains("\"proposal\": 12")) {
            body = body.replace("\"proposal\": 12", "\"proposal\": " + fixtures.pendingProposal());
        }
        if (body.contains("\"deploymentId\": 12")) {
            body = body.replace("\"deploymentId\": 12", "\"deploymentId\": " + fixtures.deployment());
        }
        if (body.contains("\"LNT-…\"")) {
            body = body.replace("\"LNT-…\"", "\"" + fixtures.created() + "\"");
        }
        return body;
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.requests.TimelineEvent;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload is filed only against a request its sender may act on (issue 12): a volunteer of another group who quotes
 * a reference in a file's text, or names it, neither writes into that request nor learns whether it exists.
 */
@LanterneIntegrationTest
class UploadAccessIT {

    private static final String GAP = "05061";
    private static final String TOWN_HALL = "mairie-" + GAP;
    private static final String OWNER = "upload-nord-1";
    private static final String OWNER_COLLEAGUE = "upload-nord-2";
    private static final String OUTSIDER = "upload-sud";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Requests requests;

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    private RequestDetails request;

    @BeforeEach
    void aRequestOfTheNorthGroup() {
        TestUsers.ensure(users);
        TestUsers.ensure(users, OWNER, Role.VOLUNTEER, "upload-nord");
        TestUsers.ensure(users, OWNER_COLLEAGUE, Role.VOLUNTEER, "upload-nord");
        TestUsers.ensure(users, OUTSIDER, Role.VOLUNTEER, "upload-sud");
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@gap.test", "3 rue Colonel Roux\n05000 Gap", null,
                null), "test");
        request = requests.create(new NewRequest(GAP, "cctv", Channel.EMAIL, false), OWNER);
    }

    @AfterEach
    void forgetTheRequests() {
        // Their emails would otherwise wait in the queue for another test's sending.
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
    }

    @Test
    void another_groups_volunteer_quoting_a_reference_files_nothing_into_it_and_cannot_tell_it_exists() {
        EntityExchangeResult<String> existing = upload(OUTSIDER, refusalQuoting(request.reference().value()), null);
        EntityExchangeResult<String> missing = upload(OUTSIDER, refusalQuoting(unusedReference()), null);

        assertThat(existing.getStatus().value()).isEqualTo(201).isEqualTo(missing.getStatus().value());
        JsonNode existingBody = JSON.readTree(existing.getResponseBody());
        JsonNode missingBody = JSON.readTree(missing.getResponseBody());
        assertThat(shape(existingBody)).as("same fields, whether or not the reference exists")
                .isEqualTo(shape(missingBody));
        for (JsonNode body : List.of(existingBody, missingBody)) {
            assertThat(body.path("result").asString()).isEqualTo("INGESTED");
            assertThat(body.path("report").has("requestReference")).isFalse();
            assertThat(body.path("report").has("authorityCode")).isFalse();
            assertThat(body.path("document").has("requestReference")).isFalse();
        }
        assertThat(existing.getResponseBody()).doesNotContain(request.reference().value()).doesNotContain(TOWN_HALL)
                .doesNotContain("Gap");

        // Nothing written into the north group's request; the document waits in triage for someone who may.
        assertThat(timeline(request)).doesNotContain(EventType.DOCUMENT_RECEIVED);
        String sha256 = existingBody.path("sha256").asString();
        assertThat(documents.unmatched(1_000)).anyMatch(u -> u.sha256().equals(sha256));
        client.get().uri("/api/documents/unmatched?limit=1000")
                .headers(h -> h.setBasicAuth(OWNER, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains(sha256));

        // Someone of the group files it from triage.
        client.post().uri("/api/documents/{sha}/request", sha256)
                .headers(h -> h.setBasicAuth(OWNER_COLLEAGUE, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reference", request.reference()))
                .exchange().expectStatus().isOk();
        assertThat(timeline(request)).contains(EventType.DOCUMENT_RECEIVED);
    }

    @Test
    void an_uploaded_email_to_the_requests_plus_address_is_no_way_in_either() {
        // Only mail that reaches the mailbox is the authority's; an .eml file uploaded is its uploader's.
        String eml = """
                From: Mairie de Gap <mairie@gap.test>
                To: demandes+%1$s@lanterne.test
                Subject: Re: votre demande %1$s
                Message-ID: <%2$s@gap.test>
                Date: Fri, 20 Mar 2026 10:15:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Nous ne pouvons donner suite a votre demande %1$s. %2$s
                """.formatted(request.reference(), UUID.randomUUID()).replace("\n", "\r\n");
        EntityExchangeResult<String> result = upload(OUTSIDER, eml.getBytes(StandardCharsets.UTF_8), null,
                "reponse.eml");
        assertThat(result.getStatus().value()).isEqualTo(201);
        assertThat(JSON.readTree(result.getResponseBody()).path("report").has("requestReference")).isFalse();
        assertThat(timeline(request)).doesNotContain(EventType.DOCUMENT_RECEIVED);
    }

    @Test
    void an_explicit_reference_one_may_not_act_on_answers_as_one_that_does_not_exist() {
        String unused = unusedReference();
        EntityExchangeResult<String> existing = upload(OUTSIDER, refusalQuoting("aucune"), request.reference().value());
        EntityExchangeResult<String> missing = upload(OUTSIDER, refusalQuoting("aucune"), unused);

        assertThat(existing.getStatus().value()).isEqualTo(404).isEqualTo(missing.getStatus().value());
        assertThat(existing.getResponseBody().replace(request.reference().value(), "REF"))
                .isEqualTo(missing.getResponseBody().replace(unused, "REF"))
                .contains("Aucune demande");
        assertThat(timeline(request)).doesNotContain(EventType.DOCUMENT_RECEIVED);
    }

    @Test
    void the_groups_own_volunteers_and_administrators_file_it_by_the_reference_their_file_quotes() {
        EntityExchangeResult<String> colleague = upload(OWNER_COLLEAGUE, refusalQuoting(request.reference().value()), null);
        assertThat(colleague.getStatus().value()).isEqualTo(201);
        JsonNode body = JSON.readTree(colleague.getResponseBody());
        assertThat(body.path("report").path("requestReference").asString()).isEqualTo(request.reference().value());
        assertThat(body.path("report").path("authorityCode").asString()).isEqualTo(TOWN_HALL);
        assertThat(timeline(request)).contains(EventType.DOCUMENT_RECEIVED);

        EntityExchangeResult<String> admin = upload(TestUsers.ADMIN, refusalQuoting(request.reference().value()), null);
        assertThat(JSON.readTree(admin.getResponseBody()).path("report").path("requestReference").asString())
                .isEqualTo(request.reference().value());
    }

    @Test
    void a_document_filed_under_a_request_cannot_be_moved_to_another_groups_one() {
        EntityExchangeResult<String> filed = upload(OWNER_COLLEAGUE, refusalQuoting(request.reference().value()), null);
        String sha256 = JSON.readTree(filed.getResponseBody()).path("sha256").asString();
        RequestDetails outsiders = requests.create(new NewRequest(GAP, "vsa", Channel.EMAIL, false), OUTSIDER);

        EntityExchangeResult<String> moved = client.post().uri("/api/documents/" + sha256 + "/request")
                .headers(h -> h.setBasicAuth(OUTSIDER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reference\": \"" + outsiders.reference() + "\"}")
                .exchange().returnResult(String.class);

        assertThat(moved.getStatus().value()).as(moved.getResponseBody()).isEqualTo(409);
        assertThat(moved.getResponseBody()).contains("déjà rattaché à une autre demande");
        assertThat(documents.details(sha256).requestReference()).isEqualTo(request.reference().value());
        assertThat(timeline(outsiders)).doesNotContain(EventType.DOCUMENT_RECEIVED);
    }

    @Test
    void a_pure_ascii_text_file_gets_no_encoding_notice() {
        byte[] ascii = ("Reponse a votre demande " + request.reference() + " : nous ne detenons aucun document. "
                + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        EntityExchangeResult<String> result = upload(OWNER, ascii, null, "reponse.txt");
        assertThat(result.getStatus().value()).isEqualTo(201);
        JsonNode document = JSON.readTree(result.getResponseBody()).path("document");
        assertThat(document.path("requestReference").asString()).isEqualTo(request.reference().value());
        assertThat(document.path("notices").toString()).doesNotContain("encodé");
    }

    private List<EventType> timeline(RequestDetails of) {
        return requests.details(of.reference()).timeline().stream()
                .map(TimelineEvent::type).toList();
    }

    /** A reference no request has: one past the highest of the year. */
    private String unusedReference() {
        String year = request.reference().value().substring(4, 8);
        Integer highest = jdbc.sql("SELECT MAX(CAST(SUBSTRING(reference, 10) AS UNSIGNED)) FROM request "
                + "WHERE reference LIKE ?").param("LNT-" + year + "-%").query(Integer.class).single();
        return String.format("LNT-%s-%06d", year, highest + 1_000);
    }

    private static byte[] refusalQuoting(String reference) {
        return TestDocuments.textPdf("Refus " + UUID.randomUUID(), List.of(List.of(
                "Objet : votre demande " + reference + " du 3 mars 2026.",
                "Nous avons le regret de vous informer que nous ne pouvons donner suite a votre demande.",
                "Ces documents ne sont pas communicables.")));
    }

    private EntityExchangeResult<String> upload(String user, byte[] content, String reference) {
        return upload(user, content, reference, "courrier.pdf");
    }

    private EntityExchangeResult<String> upload(String user, byte[] content, String reference, String fileName) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(fileName.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : fileName.endsWith(".eml") ? MediaType.valueOf("message/rfc822") : MediaType.TEXT_PLAIN);
        part.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(content, part));
        return client.post().uri(reference == null ? "/api/documents" : "/api/documents?reference=" + reference)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body)
                .exchange()
                .returnResult(String.class);
    }

    /** The field names of a JSON value, recursively (arrays by their first element), without the values. */
    private static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), shape(e.getValue())));
            return fields;
        }
        if (node.isArray()) {
            return node.isEmpty() ? List.of() : List.of(shape(node.get(0)));
        }
        return node.getNodeType().name();
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.deadlines.DeadlineStep;
import fr.lanterne.deadlines.Deadlines;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A request the town hall transmitted to the authority that holds the documents (CRPA L311-2): recorded on the
 * request page and through the API, it moves to the new authority and its deadlines restart from receipt by that
 * authority (CRPA R311-13).
 */
@LanterneIntegrationTest
class RequestTransmissionIT {

    private static final String PREFECTURE = "prefecture-06";

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Requests requests;

    @Autowired
    Deadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private String pageTown;
    private String apiTown;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(users);
        List<String> codes = authorities.communeCodes("2B", null);
        pageTown = codes.get(20);
        apiTown = codes.get(21);
        TestData.forgetRequests(jdbc, List.of(AuthorityCodes.townHall(pageTown), AuthorityCodes.townHall(apiTown),
                PREFECTURE));
        for (String insee : List.of(pageTown, apiTown)) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                    + "@transmission.test", null, null, null), "test");
        }
    }

    @Test
    void the_request_page_records_a_transmission_and_the_chain_restarts_from_the_new_receipt() {
        LocalDate today = LocalDate.now(clock);
        RequestDetails request = receivedRequest(pageTown, "vsa", today.minusDays(40), today.minusDays(38));
        String uri = "/demandes/" + request.reference();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page(uri)).contains("id=\"transmission\"").contains("id=\"action-transmission\"")
                .contains("Transmise à une autre administration");

        EntityExchangeResult<String> wrong = volunteer.post(uri + "/transmission", Map.of("authority", PREFECTURE,
                "date", today.minusDays(10).toString(), "received", today.minusDays(12).toString()));
        assertThat(wrong.getStatus().value()).isEqualTo(400);
        assertThat(wrong.getResponseBody()).contains("id=\"error-transmission\"")
                .contains("précède celle de la transmission").contains("value=\"" + PREFECTURE + "\"");

        String done = volunteer.follow(volunteer.post(uri + "/transmission", Map.of("authority", PREFECTURE,
                "date", today.minusDays(10).toString(), "received", today.minusDays(8).toString())));
        assertThat(done).contains("Transmission enregistrée").contains("Préfecture des Alpes-Maritimes");

        RequestDetails after = requests.details(request.reference());
        assertThat(after.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(after.dates().receivedOn()).isEqualTo(today.minusDays(8));
        assertThat(after.authorityName()).isEqualTo("Préfecture des Alpes-Maritimes");
        assertThat(after.timeline()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.TRANSMITTED));
        assertThat(deadlines.of(after).orElseThrow().step(DeadlineStep.IMPLICIT_REFUSAL).orElseThrow().earliest())
                .as("one month from receipt by the prefecture, not by the town hall")
                .isEqualTo(today.minusDays(8).plusMonths(1));
    }

    @Test
    void the_api_records_a_transmission_whose_receipt_is_not_known_yet() {
        LocalDate today = LocalDate.now(clock);
        RequestDetails request = receivedRequest(apiTown, "cctv", today.minusDays(40), today.minusDays(38));
        String body = "{\"authority\": \"" + PREFECTURE + "\", \"date\": \"" + today.minusDays(5) + "\"}";
        client.post().uri("/api/requests/{ref}/transmission", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body("{\"authority\": \"prefecture-99x\", \"date\": \""
                        + today.minusDays(5) + "\"}")
                .exchange()
                .expectStatus().isNotFound();
        client.post().uri("/api/requests/{ref}/transmission", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body("{\"authority\": \"" + PREFECTURE
                        + "\", \"date\": \"2026-02-30\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("2026-02-30"));
        client.post().uri("/api/requests/{ref}/transmission", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isOk();

        RequestDetails after = requests.details(request.reference());
        assertThat(after.status()).as("waiting for the prefecture's receipt date").isEqualTo(RequestStatus.SENT);
        assertThat(after.dates().receivedOn()).isNull();
        assertThat(after.authorityName()).isEqualTo("Préfecture des Alpes-Maritimes");
        assertThat(deadlines.of(after)).as("no deadline until the new receipt is known").isEmpty();

        requests.recordReceipt(request.reference(), today.minusDays(3), null,
                TestUsers.VOLUNTEER);
        RequestDetails received = requests.details(request.reference());
        assertThat(deadlines.of(received).orElseThrow().step(DeadlineStep.IMPLICIT_REFUSAL).orElseThrow()
                .earliest()).isEqualTo(today.minusDays(3).plusMonths(1));
    }

    /**
     * CRPA L112-6 and R112-5, CJA R421-5: the API records what the acknowledgement and the refusal stated of the
     * remedies, each in its own field, and the chain it returns says which deadline can be held against the requester.
     */
    @Test
    void the_api_records_what_the_acknowledgement_and_the_refusal_stated_of_the_remedies() {
        LocalDate today = LocalDate.now(clock);
        RequestDetails created = requests.create(new NewRequest(apiTown, "drones-sound", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(created.reference(), today.minusDays(40), TestUsers.VOLUNTEER);
        client.post().uri("/api/requests/{ref}/received", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"" + today.minusDays(38) + "\", \"remediesStated\": false}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.remedies.acknowledgement").isEqualTo(false)
                .jsonPath("$.remedies.refusal").doesNotExist()
                .jsonPath("$.deadlines.steps[?(@.step == 'CADA_REFERRAL_DEADLINE')].opposable").isEqualTo(List.of(false));
        client.post().uri("/api/requests/{ref}/refusal", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"" + today.minusDays(30) + "\", \"remediesStated\": true}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.remedies.acknowledgement").isEqualTo(false)
                .jsonPath("$.remedies.refusal").isEqualTo(true)
                // Refused before the month of silence ended: the refusal's own mentions count (L112-6 al. 2).
                .jsonPath("$.deadlines.steps[?(@.step == 'CADA_REFERRAL_DEADLINE')].opposable").isEqualTo(List.of(true));
        assertThat(requests.details(created.reference()).remedies()).isEqualTo(new RemedyMentions(false, true));
    }

    private RequestDetails receivedRequest(String insee, String template, LocalDate sent, LocalDate received) {
        RequestDetails created = requests.create(new NewRequest(insee, template, Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        RequestReference reference = created.reference();
        requests.recordSent(reference, sent, TestUsers.VOLUNTEER);
        return requests.recordReceipt(reference, received, "AR", TestUsers.VOLUNTEER);
    }
}

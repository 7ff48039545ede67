package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
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
import org.springframework.test.web.servlet.client.RestTestClient;

/** The withdrawal endpoint checks its date as the other dated events do, and records the date given. */
@LanterneIntegrationTest
class WithdrawalApiIT {

    private static final String EMBRUN = "05046";
    private static final String TOWN_HALL = "mairie-" + EMBRUN;

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Requests requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private RequestDetails request;

    @BeforeEach
    void aSentRequest() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@embrun.test", "Place Barthelon\n05200 Embrun",
                null, null), "test");
        RequestDetails created = requests.create(new NewRequest(EMBRUN, "cctv", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        request = requests.recordSent(created.reference(), LocalDate.now(clock).minusDays(10),
                TestUsers.VOLUNTEER);
    }

    @Test
    void a_date_in_the_future_or_before_sending_is_refused_and_the_given_date_recorded() {
        withdraw(Map.of("date", "9999-12-31")).expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("n'est pas plausible"));
        withdraw(Map.of("date", LocalDate.now(clock).plusDays(1).toString())).expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("est dans le futur"));
        withdraw(Map.of("date", LocalDate.now(clock).minusDays(20).toString())).expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("précède l'envoi"));
        withdraw(Map.of("date", "2026-02-30")).expectStatus().isBadRequest();
        assertThat(requests.details(request.reference()).status())
                .isNotEqualTo(RequestStatus.WITHDRAWN);

        LocalDate given = LocalDate.now(clock).minusDays(3);
        withdraw(Map.of("date", given.toString())).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        RequestDetails withdrawn = requests.details(request.reference());
        assertThat(withdrawn.timeline()).anySatisfy(e -> {
            assertThat(e.type().name()).isEqualTo("WITHDRAWN");
            assertThat(e.date()).isEqualTo(given);
        });
    }

    @Test
    void without_a_date_it_is_today() {
        client.post().uri("/api/requests/{ref}/withdrawal", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk();
        assertThat(requests.details(request.reference()).timeline())
                .anySatisfy(e -> assertThat(e.date()).isEqualTo(LocalDate.now(clock)));
    }

    private RestTestClient.ResponseSpec withdraw(Map<String, String> body) {
        return client.post().uri("/api/requests/{ref}/withdrawal", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}

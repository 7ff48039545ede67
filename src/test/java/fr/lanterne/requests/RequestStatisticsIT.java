package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LanterneIntegrationTest
class RequestStatisticsIT {

    @Autowired
    RequestStatistics statistics;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    CraftedRequests crafted;

    long campaign;

    @BeforeEach
    void stories() {
        crafted = new CraftedRequests(jdbc, authorities);
        campaign = crafted.campaign("Statistiques " + System.nanoTime());
        // Nice: answered in 20 days; partly answered in 10, then refused; silent, then referred to the CADA.
        crafted.request(campaign, "mairie-06088", "06", RequestStatus.ANSWERED)
                .sent("2026-01-05").received("2026-01-07").event(EventType.ANSWERED, "2026-01-27");
        crafted.request(campaign, "mairie-06088", "06", RequestStatus.REFUSED)
                .sent("2026-01-05").received("2026-01-08").event(EventType.PARTIALLY_ANSWERED, "2026-01-18")
                .event(EventType.REFUSED, "2026-02-01");
        crafted.request(campaign, "mairie-06088", "06", RequestStatus.REFERRED_TO_CADA)
                .sent("2026-01-05").received("2026-01-06").event(EventType.IMPLICITLY_REFUSED, "2026-02-06")
                .event(EventType.REFERRED_TO_CADA, "2026-03-10");
        // Ajaccio: refused 10 days after sending (no receipt date); silent to the end (the refusal the nightly job
        // confirms is no answer); silent, then answered late; one not sent yet.
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.REFUSED)
                .sent("2026-01-05").event(EventType.REFUSED, "2026-01-15");
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.CONFIRMED_REFUSAL)
                .sent("2026-02-02").received("2026-02-03").event(EventType.IMPLICITLY_REFUSED, "2026-03-03")
                .event(EventType.REFERRED_TO_CADA, "2026-04-01")
                .event(EventType.CONFIRMED_REFUSAL, "2026-06-02", "lanterne");
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.ANSWERED)
                .sent("2026-02-02").received("2026-02-04").event(EventType.IMPLICITLY_REFUSED, "2026-03-04")
                .event(EventType.ANSWERED, "2026-03-20");
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.QUEUED);
        // Another campaign, which the filter must leave out.
        long other = crafted.campaign("Autre " + System.nanoTime());
        crafted.request(other, "mairie-06088", "06", RequestStatus.ANSWERED)
                .sent("2026-01-05").event(EventType.ANSWERED, "2026-01-06");
    }

    @AfterEach
    void forget() {
        crafted.forget();
    }

    @Test
    void counts_by_state() {
        Statistics stats = statistics.compute(new StatisticsFilter(null, campaign));

        assertThat(stats.byState()).containsExactly(
                new Statistics.StateCount(RequestStatus.QUEUED, 1),
                new Statistics.StateCount(RequestStatus.REFUSED, 2),
                new Statistics.StateCount(RequestStatus.REFERRED_TO_CADA, 1),
                new Statistics.StateCount(RequestStatus.CONFIRMED_REFUSAL, 1),
                new Statistics.StateCount(RequestStatus.ANSWERED, 2));
        assertThat(stats.total()).isEqualTo(7);
    }

    @Test
    void response_rates_and_median_delays_by_departement_and_campaign() {
        Statistics stats = statistics.compute(new StatisticsFilter(null, campaign));

        // First answers after 20, 10 (the partial one), 10 and 44 days: 4 of the 6 sent requests.
        assertThat(stats.overall()).isEqualTo(new Statistics.Responses(null, null, 6, 4, 15.0));
        assertThat(stats.byDepartement()).containsExactly(
                new Statistics.Responses("06", "06", 3, 2, 15.0),
                new Statistics.Responses("2A", "2A", 3, 2, 27.0));
        assertThat(stats.byCampaign()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo(String.valueOf(campaign));
            assertThat(row.label()).startsWith("Statistiques ");
            assertThat(row.rate()).isEqualTo(4.0 / 6);
            assertThat(row.medianDays()).isEqualTo(15.0);
        });
    }

    @Test
    void implicit_refusals_and_referrals_by_month() {
        Statistics stats = statistics.compute(new StatisticsFilter(null, campaign));

        assertThat(stats.byMonth()).containsExactly(
                new Statistics.MonthCount(YearMonth.of(2026, 2), 1, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 3), 2, 1),
                new Statistics.MonthCount(YearMonth.of(2026, 4), 0, 1));
    }

    @Test
    void one_departement_of_one_campaign() {
        Statistics stats = statistics.compute(new StatisticsFilter("2a", campaign));

        assertThat(stats.filter().departement()).isEqualTo("2A");
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.byDepartement()).extracting(Statistics.Responses::key).containsExactly("2A");
        assertThat(stats.byMonth()).containsExactly(
                new Statistics.MonthCount(YearMonth.of(2026, 3), 2, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 4), 0, 1));
        assertThat(statistics.departements()).contains("06", "2A");
        assertThat(statistics.campaigns()).extracting(Statistics.CampaignRef::id).contains(campaign);
    }

    @Test
    void a_request_answered_through_the_facade_counts() {
        TestData.forgetRequests(jdbc, List.of("mairie-97611"));
        authorities.setContact("mairie-97611", new ContactDetails(null, "Place du Marché\n97600 Mamoudzou", null,
                null), "test");
        LocalDate today = LocalDate.now(clock);
        RequestReference reference = RequestReference.parse(requests.create(
                new NewRequest("97611", "vsa", Channel.POST, false), "alice").reference().value());
        assertThat(statistics.compute(new StatisticsFilter("976", null)).overall().sent()).isZero();

        requests.recordSent(reference, today.minusDays(30), "alice");
        requests.recordReceipt(reference, today.minusDays(27), "accusé de réception", "alice");
        requests.recordAnswer(reference, false, today.minusDays(9), "alice");
        requests.recordAnswer(reference, true, today.minusDays(2), "alice");

        Statistics stats = statistics.compute(new StatisticsFilter("976", null));
        assertThat(stats.overall()).isEqualTo(new Statistics.Responses(null, null, 1, 1, 18.0));
        assertThat(stats.byState()).containsExactly(new Statistics.StateCount(RequestStatus.ANSWERED, 1));
        assertThat(stats.byCampaign()).containsExactly(new Statistics.Responses(null, null, 1, 1, 18.0));
        TestData.forgetRequests(jdbc, List.of("mairie-97611"));
    }

    @Test
    void a_departement_code_is_checked() {
        assertThatThrownBy(() -> new StatisticsFilter("Nice", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("« NICE » n'est pas un code de département");
    }
}

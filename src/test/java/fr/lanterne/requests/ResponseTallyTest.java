package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTallyTest {

    private static final LocalDate SENT = LocalDate.of(2026, 3, 2);

    @Test
    void the_delay_starts_at_receipt() {
        assertThat(ResponseTally.delayDays(SENT, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 25))).isEqualTo(20);
    }

    @Test
    void without_a_receipt_date_the_delay_starts_at_sending() {
        assertThat(ResponseTally.delayDays(SENT, null, LocalDate.of(2026, 3, 25))).isEqualTo(23);
    }

    @Test
    void a_receipt_recorded_after_the_answer_is_ignored() {
        assertThat(ResponseTally.delayDays(SENT, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 10))).isEqualTo(8);
    }

    @Test
    void an_answer_on_the_day_of_receipt_takes_no_day() {
        assertThat(ResponseTally.delayDays(SENT, SENT, SENT)).isZero();
    }

    @Test
    void median_of_an_odd_and_an_even_number_of_delays() {
        assertThat(ResponseTally.median(List.of(30L, 2L, 9L))).isEqualTo(9.0);
        assertThat(ResponseTally.median(List.of(30L, 2L, 9L, 10L))).isEqualTo(9.5);
        assertThat(ResponseTally.median(List.of(4L))).isEqualTo(4.0);
        assertThat(ResponseTally.median(List.of())).isNull();
    }

    @Test
    void a_group_counts_sent_and_answered_requests() {
        ResponseTally tally = new ResponseTally();
        tally.add(SENT, null, SENT.plusDays(10));
        tally.add(SENT, SENT.plusDays(1), null);
        tally.add(SENT, SENT.plusDays(2), SENT.plusDays(32));
        tally.add(SENT, null, null);

        Statistics.Responses responses = tally.result("06", "06");
        assertThat(responses.sent()).isEqualTo(4);
        assertThat(responses.answered()).isEqualTo(2);
        assertThat(responses.rate()).isEqualTo(0.5);
        assertThat(responses.medianDays()).isEqualTo(20.0);
    }

    @Test
    void nothing_sent_has_no_rate() {
        assertThat(new ResponseTally().result(null, null).rate()).isNull();
    }

    @Test
    void quiet_months_between_two_busy_ones_count_zero() {
        List<Statistics.MonthCount> months = RequestStatistics.months(List.of(
                new StatisticsStore.MonthRow(YearMonth.of(2026, 4), EventType.REFERRED_TO_CADA, 1),
                new StatisticsStore.MonthRow(YearMonth.of(2025, 12), EventType.IMPLICITLY_REFUSED, 3),
                new StatisticsStore.MonthRow(YearMonth.of(2026, 4), EventType.IMPLICITLY_REFUSED, 2)));

        assertThat(months).containsExactly(
                new Statistics.MonthCount(YearMonth.of(2025, 12), 3, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 1), 0, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 2), 0, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 3), 0, 0),
                new Statistics.MonthCount(YearMonth.of(2026, 4), 2, 1));
        assertThat(RequestStatistics.months(List.of())).isEmpty();
    }
}

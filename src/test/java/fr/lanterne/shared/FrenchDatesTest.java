package fr.lanterne.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-28, 28 novembre 2026",
            "2026-03-01, 1er mars 2026",
            "2026-08-02, 2 août 2026",
            "2027-02-11, 11 février 2027",
            "2026-12-31, 31 décembre 2026",
    })
    void writesDatesTheFrenchWay(LocalDate date, String expected) {
        assertThat(FrenchDates.format(date)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "2027-05-01, samedi 1er mai 2027",
            "2026-12-08, mardi 8 décembre 2026",
            "2026-08-02, dimanche 2 août 2026",
    })
    void namesTheDayBeforeTheDate(LocalDate date, String expected) {
        assertThat(FrenchDates.withWeekday(date)).isEqualTo(expected);
    }
}

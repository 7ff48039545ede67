package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected days come from the Code du travail (L3133-1, local law of Alsace-Moselle, overseas days), not jollyday. */
class PublicHolidaysTest {

    private final PublicHolidays holidays = new PublicHolidays();

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void elevenNationalDaysIn2026() {
        assertThat(holidays.holidays(Year.of(2026), Departement.of("06")).keySet()).containsExactly(
                date("2026-01-01"), date("2026-04-06"), date("2026-05-01"), date("2026-05-08"), date("2026-05-14"),
                date("2026-05-25"), date("2026-07-14"), date("2026-08-15"), date("2026-11-01"), date("2026-11-11"),
                date("2026-12-25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"57", "67", "68"})
    void alsaceMoselleAddsGoodFridayAndSaintStephen(String code) {
        var days = holidays.holidays(Year.of(2026), Departement.of(code));
        assertThat(days).hasSize(13);
        assertThat(days.get(date("2026-04-03"))).isEqualTo("Vendredi Saint");
        assertThat(days).containsKey(date("2026-12-26"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"54", "88", "75", "2A", "2B", "01", "95"})
    void otherDepartementsDoNotHaveGoodFridayNorSaintStephen(String code) {
        var departement = Departement.of(code);
        assertThat(holidays.isHoliday(date("2026-04-03"), departement)).isFalse();
        assertThat(holidays.isHoliday(date("2026-12-26"), departement)).isFalse();
        assertThat(holidays.holidays(Year.of(2027), departement)).hasSize(11);
    }

    @ParameterizedTest(name = "{0}: abolition of slavery on {1}")
    @CsvSource({
            "971, 2026-05-27",  // Guadeloupe
            "972, 2026-05-22",  // Martinique
            "973, 2026-06-10",  // Guyane
            "974, 2026-12-20",  // La Réunion
            "976, 2026-04-27",  // Mayotte
            "977, 2026-10-09",  // Saint-Barthélemy
            "978, 2026-05-28"   // Saint-Martin, since 2018
    })
    void overseasAbolitionOfSlaveryDays(String code, LocalDate day) {
        var departement = Departement.of(code);
        assertThat(holidays.holidayName(day, departement)).contains("Abolition de l'esclavage");
        assertThat(holidays.isHoliday(day, Departement.of("75"))).isFalse();
        assertThat(holidays.holidays(Year.of(2026), departement)).containsKeys(date("2026-01-01"), date("2026-04-06"),
                date("2026-05-14"), date("2026-05-25"), date("2026-07-14"), date("2026-11-11"), date("2026-12-25"));
    }

    @Test
    void saintPierreEtMiquelonHasTheNationalDaysOnly() {
        assertThat(holidays.holidays(Year.of(2026), Departement.of("975"))).hasSize(11);
    }

    @Test
    void mayotteObservancesAreWorkingDays() {
        // 20 March 2026 (a Friday) is Eid al-Fitr, an observance in Mayotte, not a public holiday.
        assertThat(holidays.isWorkingDay(date("2026-03-20"), Departement.of("976"))).isTrue();
    }

    @Test
    void whitMondayAndAscensionMoveWithEaster() {
        var nice = Departement.of("06");
        assertThat(holidays.holidays(Year.of(2027), nice)).containsKeys(date("2027-03-29"), date("2027-05-06"),
                date("2027-05-17"));
        assertThat(holidays.holidays(Year.of(2028), nice)).containsKeys(date("2028-04-17"), date("2028-05-25"),
                date("2028-06-05"));
    }

    @ParameterizedTest(name = "{0} in {1}: working day {2}")
    @CsvSource({
            "2026-04-03, 06, true",   // Good Friday outside Alsace-Moselle
            "2026-04-03, 57, false",  // Good Friday in Moselle
            "2026-04-04, 06, false",  // Saturday
            "2026-04-05, 06, false",  // Sunday
            "2026-04-06, 06, false",  // Easter Monday
            "2026-04-07, 06, true"    // Tuesday
    })
    void workingDays(LocalDate day, String code, boolean working) {
        assertThat(holidays.isWorkingDay(day, Departement.of(code))).isEqualTo(working);
    }

    @Test
    void christmasWeekendInMoselleRunsIntoTheNextYear() {
        var moselle = Departement.of("57");
        // Friday 25, Saturday 26 (also a local holiday), Sunday 27 December 2026: Monday 28.
        assertThat(holidays.workingDayOnOrAfter(date("2026-12-25"), moselle)).isEqualTo(date("2026-12-28"));
        // 2027: Saturday 25, Sunday 26 December, then Friday 31, Saturday 1 January 2028 (holiday), Sunday 2.
        assertThat(holidays.nextWorkingDay(date("2027-12-31"), moselle)).isEqualTo(date("2028-01-03"));
        assertThat(holidays.workingDayOnOrAfter(date("2026-12-24"), moselle)).isEqualTo(date("2026-12-24"));
        assertThat(holidays.nextWorkingDay(date("2026-12-24"), moselle)).isEqualTo(date("2026-12-28"));
    }

    @Test
    void holidaysAreCachedPerYearAndDepartement() {
        var moselle = Departement.of("57");
        assertThat(holidays.holidays(Year.of(2026), moselle)).isSameAs(holidays.holidays(Year.of(2026), moselle));
    }
}

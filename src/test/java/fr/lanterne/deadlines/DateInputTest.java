package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateInputTest {

    @Test
    void parsesIsoDates() {
        assertThat(DateInput.parse("2026-03-15")).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DateInput.parse(" 2028-02-29 ", "date de réception")).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-02-30 | « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours.
            2027-02-29 | « 2027-02-29 » n'existe pas : février 2027 n'a que 28 jours.
            2028-02-30 | « 2028-02-30 » n'existe pas : février 2028 n'a que 29 jours.
            2026-04-31 | « 2026-04-31 » n'existe pas : avril 2026 n'a que 30 jours.
            2026-13-01 | « 2026-13-01 » n'existe pas : le mois doit être compris entre 01 et 12.
            2026-00-10 | « 2026-00-10 » n'existe pas : le mois doit être compris entre 01 et 12.
            2026-03-00 | « 2026-03-00 » n'existe pas : un jour du mois commence à 01.
            15/03/2026 | « 15/03/2026 » n'est pas au format AAAA-MM-JJ (par exemple 2026-03-15 pour le 15 mars 2026).
            2026-3-15  | « 2026-3-15 » n'est pas au format AAAA-MM-JJ (par exemple 2026-03-15 pour le 15 mars 2026).
            0226-03-15 | « 0226-03-15 » n'est pas plausible : l'année doit être comprise entre 1978 et 2199.
            """)
    void refusesImpossibleDatesSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> DateInput.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date " + reason);
    }

    @Test
    void namesTheDateInTheMessage() {
        assertThatThrownBy(() -> DateInput.parse("2026-02-30", "date de réception"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date de réception « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours.")
                .satisfies(error -> assertThat(((InvalidInputException) error).details())
                        .containsEntry("field", "date de réception").containsEntry("value", "2026-02-30"));
    }

    @Test
    void refusesAMissingDate() {
        assertThatThrownBy(() -> DateInput.parse(null, "date de réception"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date de réception est obligatoire, au format AAAA-MM-JJ (par exemple 2026-03-15).");
    }
}

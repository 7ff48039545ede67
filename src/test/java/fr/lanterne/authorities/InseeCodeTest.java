package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InseeCodeTest {

    @ParameterizedTest
    @CsvSource({"06088, 06", "2A004, 2A", "2b033, 2B", "97411, 974", "98735, 987", "75056, 75"})
    void knows_its_departement(String code, String departement) {
        assertThat(InseeCode.of(code).departement()).isEqualTo(departement);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6088", "060881", "2C004", "ABCDE", "06 088"})
    void refuses_what_is_not_a_code_with_an_example(String text) {
        assertThatThrownBy(() -> InseeCode.of(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("n'est pas un code INSEE")
                .hasMessageContaining("06088");
    }

    @Test
    void accepts_spaces_around_and_lower_case_corsica() {
        assertThat(InseeCode.of(" 2a004 ").value()).isEqualTo("2A004");
    }
}

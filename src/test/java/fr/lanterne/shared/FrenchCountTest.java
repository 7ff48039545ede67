package fr.lanterne.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchCountTest {

    @Test
    void zero_and_one_are_singular_in_french_and_thousands_are_grouped() {
        assertThat(FrenchCount.of(0, "page lue", "pages lues")).isEqualTo("0 page lue");
        assertThat(FrenchCount.of(1, "page lue", "pages lues")).isEqualTo("1 page lue");
        assertThat(FrenchCount.of(2, "page lue", "pages lues")).isEqualTo("2 pages lues");
        assertThat(FrenchCount.of(12_345, "page", "pages")).matches("12[\\s\\u00A0\\u202F]345 pages");
    }
}

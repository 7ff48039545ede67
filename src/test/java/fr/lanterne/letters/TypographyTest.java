package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypographyTest {

    @Test
    void makesTheSpacesOfFrenchPunctuationNonBreaking() {
        assertThat(Typography.apply("suivants : un ; deux ! trois ? « quatre » 0,18 € n° 78-17"))
                .isEqualTo("suivants\u202F: un\u202F; deux\u202F! trois\u202F? «\u202Fquatre\u202F» 0,18\u00A0€ "
                        + "n°\u00A078-17");
    }

    @Test
    void turnsStraightApostrophesIntoTypographicOnes() {
        assertThat(Typography.apply("l'administration d'État")).isEqualTo("l’administration d’État");
    }

    @Test
    void leavesAddressesAndUrlsAlone() {
        assertThat(Typography.apply("https://www.cada.fr/?q=1 cada@cada.fr")).isEqualTo("https://www.cada.fr/?q=1 cada@cada.fr");
    }
}

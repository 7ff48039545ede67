package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typeLiaison values are those of the official list (INSEE's TNCC). */
class PlaceNamesTest {

    @ParameterizedTest(name = "Mairie {2}")
    @CsvSource(delimiter = '|', value = {
            "Nice | 0 | de Nice",
            "Orléans | 1 | d'Orléans",
            "Le Havre | 2 | du Havre",
            "La Rochelle | 3 | de La Rochelle",
            "Les Mureaux | 4 | des Mureaux",
            "L'Haÿ-les-Roses | 5 | de L'Haÿ-les-Roses",
    })
    void commune_names_carry_their_article(String name, int form, String expected) {
        assertThat(PlaceNames.ofCommune(name, form)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Préfecture {2}")
    @CsvSource(delimiter = '|', value = {
            "Paris | 0 | de Paris",
            "Ain | 5 | de l'Ain",
            "Nord | 2 | du Nord",
            "Somme | 3 | de la Somme",
            "Alpes-Maritimes | 4 | des Alpes-Maritimes",
            "Eure-et-Loir | 1 | d'Eure-et-Loir",
    })
    void area_names_take_the_article_in_the_preposition(String name, int form, String expected) {
        assertThat(PlaceNames.ofArea(name, form)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void unknown_form_falls_back_to_de() {
        assertThat(PlaceNames.ofCommune("Nice", null)).isEqualTo("de Nice");
        assertThat(PlaceNames.ofArea("Corse", null)).isEqualTo("de Corse");
    }
}

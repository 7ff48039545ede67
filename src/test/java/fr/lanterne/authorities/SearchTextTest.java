package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Saint-Étienne | saint etienne",
            "saint etienne | saint etienne",
            "ST ETIENNE | saint etienne",
            "Ste-Foy-lès-Lyon | sainte foy les lyon",
            "L'Haÿ-les-Roses | l hay les roses",
            "Œuilly | oeuilly",
            "  Nîmes  | nimes",
            "Bâgé-Dommartin | bage dommartin",
            "Marseille 1er Arrondissement | marseille 1er arrondissement",
            "'' | ''",
    })
    void folds_names_and_queries_alike(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest
    @CsvSource({"stade, stade", "est, est", "st-jean, saint jean"})
    void expands_only_whole_abbreviations(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }
}

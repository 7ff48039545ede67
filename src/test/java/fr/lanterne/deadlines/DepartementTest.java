package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DepartementTest {

    @ParameterizedTest
    @ValueSource(strings = {"01", "19", "21", "2A", "2B", "57", "95", "971", "972", "973", "974", "975", "976", "977",
            "978"})
    void acceptsEveryDepartementAndCollectivityWhereTheCrpaApplies(String code) {
        assertThat(Departement.of(code).code()).isEqualTo(code);
    }

    @Test
    void acceptsWhatPeopleType() {
        assertThat(Departement.of(" 2a ").code()).isEqualTo("2A");
        assertThat(Departement.of("6").code()).isEqualTo("06");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "20", "96", "99", "970", "979", "2C", "ABC", "057"})
    void refusesCodesThatDoNotExist(String code) {
        assertThatThrownBy(() -> Departement.of(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("« " + code + " » n'est pas un code de département : il faut deux caractères (01 à 95, 2A "
                        + "ou 2B pour la Corse) ou trois chiffres outre-mer (971 à 978).");
    }

    @Test
    void refusesThePacificCollectivitiesWithTheReason() {
        assertThatThrownBy(() -> Departement.of("987"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Lanterne ne calcule pas les délais pour « 987 » (Polynésie française) : le droit d'accès "
                        + "aux documents y suit des règles particulières.");
    }

    @Test
    void refusesAMissingCode() {
        assertThatThrownBy(() -> Departement.of(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Le département est obligatoire");
    }

    @Test
    void knowsAlsaceMoselleAndOverseas() {
        assertThat(Departement.of("67").isAlsaceMoselle()).isTrue();
        assertThat(Departement.of("54").isAlsaceMoselle()).isFalse();
        assertThat(Departement.of("974").isOverseas()).isTrue();
        assertThat(Departement.CADA_SEAT.code()).isEqualTo("75");
    }
}

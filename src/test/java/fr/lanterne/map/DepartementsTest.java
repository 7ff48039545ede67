package fr.lanterne.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The département of a point, from the outlines shipped in the jar; France's rough boxes beside them. */
class DepartementsTest {

    private static final Departements DEPARTEMENTS = new Departements();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "Forcalquier,       43.9597,   5.7806, 04,  true",
            "Nice,              43.7031,   7.2661, 06,  true",
            "Ajaccio,           41.9192,   8.7386, 2A,  true",
            "Bastia,            42.6973,   9.4509, 2B,  true",
            "Paris,             48.8566,   2.3522, 75,  true",
            "Brest harbour,     48.3800,  -4.4900, 29,  true",
            "Fort-de-France,    14.6161, -61.0588, 972, true",
            "Saint-Denis RE,   -20.8823,  55.4504, 974, true",
            "Cayenne,           4.9224,  -52.3135, 973, true",
            "Turin,             45.0703,   7.6869, -,   true",
            "Madrid,            40.4168,  -3.7038, -,   false",
            "Lausanne,          46.5197,   6.6323, -,   true"})
    void a_point_is_in_its_departement(String place, double lat, double lon, String departement, boolean inBox) {
        assertThat(DEPARTEMENTS.containing(lat, lon)).isEqualTo(Optional.ofNullable(departement));
        assertThat(FranceBounds.inFrance(lat, lon)).isEqualTo(inBox);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"04088, 04, Alpes-de-Haute-Provence", "2A004, 2A, Corse-du-Sud", "97209, 972, Martinique"})
    void a_town_sits_at_its_departement(String insee, String code, String name) {
        assertThat(Departements.ofInsee(insee)).isEqualTo(code);
        assertThat(DEPARTEMENTS.position(code)).get().extracting(Departements.Position::name).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://tile.openstreetmap.org/{z}/{x}/{y}.png, https://tile.openstreetmap.org",
            "https://{s}.tile.example.org:8443/{z}/{x}/{y}.png, https://*.tile.example.org:8443"})
    void the_tile_origin_is_the_tile_servers_host(String template, String origin) {
        assertThat(new MapProperties(template, "©").tileOrigin()).isEqualTo(origin);
    }
}

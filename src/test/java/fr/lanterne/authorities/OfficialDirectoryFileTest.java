package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample files have the shape of the OpenDataSoft exports of api-lannuaire-administration. */
class OfficialDirectoryFileTest {

    @Test
    void reads_the_csv_export_keeping_the_main_town_hall_of_each_commune() throws IOException {
        ContactFile file = OfficialDirectoryFile.readCsv("annuaire-mairies.csv", resource("annuaire-mairies.csv"));
        assertMainTownHalls(file);
    }

    @Test
    void reads_the_json_export_the_same_way() throws IOException {
        ContactFile file = OfficialDirectoryFile.readJson("annuaire-mairies.json", resource("annuaire-mairies.json"));
        assertMainTownHalls(file);
    }

    private static void assertMainTownHalls(ContactFile file) {
        Map<String, ContactFile.Line> byInsee = file.contacts().stream()
                .collect(Collectors.toMap(ContactFile.Line::insee, Function.identity()));
        assertThat(file.source()).isEqualTo(ContactSource.OFFICIAL_DIRECTORY);
        assertThat(byInsee).containsOnlyKeys("06088", "42218", "04088", "01033", "99999");

        ContactFile.Line nice = byInsee.get("06088");
        assertThat(nice.details().email()).isEqualTo("contact@mairie-nice.example");
        assertThat(nice.details().postalAddress())
                .as("the postal address is preferred to the street address")
                .isEqualTo("5 rue de l'Hôtel-de-Ville\n06364 Nice Cedex 4");
        assertThat(nice.details().phone()).isEqualTo("04 97 13 20 00");
        assertThat(nice.sourceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(nice.reference()).contains("DILA").contains("3f1c7a52-0001-4d7e-9a10-000000000001");

        assertThat(byInsee.get("42218").details().postalAddress())
                .isEqualTo("Hôtel de ville\nCS 34205\n42007 Saint-Étienne Cedex 1");
        assertThat(byInsee.get("01033").details().email())
                .as("the main town hall wins over the mairie déléguée, even an older entry")
                .isEqualTo("mairie@valserhone.example");
        assertThat(byInsee.get("04088").details().email()).as("an invalid email is dropped").isNull();
        assertThat(byInsee.get("04088").details().postalAddress()).isEqualTo("Place du Bourguet\n04300 Forcalquier");

        assertThat(file.skipped())
                .anyMatch(s -> s.contains("Préfecture des Alpes-Maritimes") && s.contains("n'est pas une mairie"))
                .anyMatch(s -> s.contains("mairie(at)forcalquier"));
    }

    @Test
    void refuses_a_csv_without_the_directory_columns() {
        assertThatThrownBy(() -> OfficialDirectoryFile.readCsv("x.csv", new StringReader("a;b\n1;2\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pivot");
    }

    @Test
    void reports_the_line_of_a_cell_that_is_not_json() {
        String csv = "id;nom;pivot;adresse\n1;Mairie - Nice;[{\"type_service_local\": \"mairie\", ;\n";
        assertThatThrownBy(() -> OfficialDirectoryFile.readCsv("x.csv", new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ligne 2")
                .hasMessageContaining("rien n'a été enregistré");
    }

    @Test
    void refuses_json_that_does_not_parse_with_its_line() {
        assertThatThrownBy(() -> OfficialDirectoryFile.readJson("x.json", new StringReader("[\n{\"nom\": }\n]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ligne 2");
    }

    private static Reader resource(String name) {
        return new InputStreamReader(OfficialDirectoryFileTest.class.getResourceAsStream("/contacts/" + name),
                StandardCharsets.UTF_8);
    }
}

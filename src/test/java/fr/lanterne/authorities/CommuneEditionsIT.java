package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.database.EmbeddedMariaDb;
import fr.lanterne.database.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new edition of the commune list, on a scratch database: mergers, renamings and new communes update the list
 * and keep their history.
 */
class CommuneEditionsIT {

    private static final Path FOLDER = Path.of("target", "commune-editions-it").toAbsolutePath();
    private static EmbeddedMariaDb server;
    private static ScratchDatabase database;
    private static CommuneImporter importer;
    private static AuthorityStore store;
    private static CommuneStore communes;

    @BeforeAll
    static void startDatabase() {
        server = EmbeddedMariaDb.open(FOLDER.resolve("db"), Path.of("target", "mariadb-binaries"), 0, false);
        database = ScratchDatabase.create(server, "editions");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        importer = new CommuneImporter(database.jdbc(), database.jdbcTemplate(), database.transactions(), clock);
        store = new AuthorityStore(database.jdbc(), new ContactStore(database.jdbc(), database.jdbcTemplate()));
        communes = new CommuneStore(database.jdbc());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        server.close();
    }

    @Test
    void a_new_edition_merges_renames_and_adds_while_keeping_history() throws IOException {
        Path first = edition("1.0.0", """
                {"code": "01001", "nom": "Abeville", "type": "commune-actuelle", "typeLiaison": 1, "departement": "01", "region": "84", "zone": "metro", "population": 100, "codesPostaux": ["01100"]},
                {"code": "01002", "nom": "Le Bourg", "type": "commune-actuelle", "typeLiaison": 2, "departement": "01", "region": "84", "zone": "metro", "population": 200, "codesPostaux": ["01200"]},
                {"code": "01003", "nom": "Chanteloup", "type": "commune-actuelle", "typeLiaison": 0, "departement": "01", "region": "84", "zone": "metro", "population": 300, "codesPostaux": ["01300"]},
                {"code": "01004", "nom": "Dommartin", "type": "commune-actuelle", "typeLiaison": 0, "departement": "01", "region": "84", "zone": "metro", "population": 400, "codesPostaux": ["01400"]}
                """);
        CommuneImporter.Result loaded = importer.importEdition(CommuneDataset.read(first), false);
        assertThat(loaded.entries()).isEqualTo(4);
        assertThat(loaded.added()).as("the first load records no change").isZero();
        assertThat(store.authorityByCode("mairie-01002")).get().extracting(Authority::name).isEqualTo("Mairie du Bourg");

        Path second = edition("2.0.0", """
                {"code": "01001", "nom": "Abeville-sur-Ain", "type": "commune-actuelle", "typeLiaison": 1, "departement": "01", "region": "84", "zone": "metro", "population": 110, "codesPostaux": ["01100"]},
                {"code": "01002", "nom": "Le Bourg", "type": "commune-actuelle", "typeLiaison": 2, "departement": "01", "region": "84", "zone": "metro", "population": 210, "codesPostaux": ["01200"]},
                {"code": "01004", "nom": "Dommartin-Chanteloup", "type": "commune-actuelle", "typeLiaison": 0, "departement": "01", "region": "84", "zone": "metro", "population": 700, "codesPostaux": ["01400", "01300"], "anciensCodes": ["01003"]},
                {"code": "01003", "nom": "Chanteloup", "type": "commune-deleguee", "chefLieu": "01004", "departement": "01", "region": "84", "zone": "metro"},
                {"code": "01005", "nom": "Essertines", "type": "commune-actuelle", "typeLiaison": 1, "departement": "01", "region": "84", "zone": "metro", "population": 50, "codesPostaux": ["01500"]}
                """);
        CommuneImporter.Result updated = importer.importEdition(CommuneDataset.read(second), false);
        assertThat(updated.edition()).isEqualTo("2.0.0");
        assertThat(updated.added()).as("01005 and the commune déléguée 01003").isEqualTo(2);
        assertThat(updated.renamed()).as("01001, and 01004 which took its neighbour's name").isEqualTo(2);
        assertThat(updated.removed()).isEqualTo(1);

        Commune merged = communes.commune("01003").orElseThrow();
        assertThat(merged.current()).as("the merged commune stays known, not current").isFalse();
        assertThat(communes.successorOf("01003")).contains("01004");
        assertThat(store.authorityByCode("mairie-01003")).get().extracting(Authority::active).isEqualTo(false);
        assertThat(store.authorityByCode("mairie-01001")).get().extracting(Authority::name)
                .isEqualTo("Mairie d'Abeville-sur-Ain");
        assertThat(communes.searchByCode("01300", 10)).as("the merged commune's postal code leads to its successor")
                .extracting(Commune::insee).containsExactly("01004");
        assertThat(changes()).containsExactlyInAnyOrder(
                "01001 COMMUNE RENAMED Abeville → Abeville-sur-Ain",
                "01004 COMMUNE RENAMED Dommartin → Dommartin-Chanteloup",
                "01003 COMMUNE MERGED Chanteloup → 01004",
                "01003 DELEGATED ADDED null → Chanteloup",
                "01005 COMMUNE ADDED null → Essertines");

        assertThat(importer.importEdition(CommuneDataset.read(second), false).alreadyLoaded()).isTrue();
    }

    @Test
    void a_folder_that_is_not_the_package_is_refused_with_a_reason() throws IOException {
        Path empty = Files.createDirectories(FOLDER.resolve("not-a-package"));
        assertThatThrownBy(() -> CommuneDataset.read(empty))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("regions.json");
        assertThatThrownBy(() -> CommuneDataset.read(FOLDER.resolve("missing.tgz")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("npm pack");
    }

    private List<String> changes() {
        JdbcClient jdbc = database.jdbc();
        return jdbc.sql("SELECT insee, kind, change_type, old_value, new_value FROM commune_change")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " → " + rs.getString(5))
                .list();
    }

    /** An unpacked package folder, as {@code npm pack} then {@code tar xzf} would leave it. */
    private static Path edition(String version, String communes) throws IOException {
        Path root = FOLDER.resolve("package-" + version);
        Path data = Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("package.json"),
                "{\"name\": \"@etalab/decoupage-administratif\", \"version\": \"" + version + "\"}");
        Files.writeString(data.resolve("regions.json"),
                "[{\"code\": \"84\", \"nom\": \"Auvergne-Rhône-Alpes\", \"zone\": \"metro\", \"chefLieu\": \"69123\", \"typeLiaison\": 1}]");
        Files.writeString(data.resolve("departements.json"),
                "[{\"code\": \"01\", \"nom\": \"Ain\", \"region\": \"84\", \"zone\": \"metro\", \"chefLieu\": \"01053\", \"typeLiaison\": 5}]");
        Files.writeString(data.resolve("communes.json"), "[" + communes + "]");
        return root;
    }
}

package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The official commune list loaded at start-up into the application's database. */
@LanterneIntegrationTest
class CommuneListIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Authorities authorities;

    @Autowired
    CommuneImporter importer;

    @Test
    void a_fresh_start_knows_every_current_commune_and_its_town_hall() {
        assertThat(authorities.countCurrentCommunes()).isEqualTo(34_969);
        assertThat(count("SELECT COUNT(*) FROM commune")).isEqualTo(37_590);
        assertThat(count("SELECT COUNT(*) FROM authority WHERE kind = 'TOWN_HALL' AND active")).isEqualTo(34_969);
        assertThat(authorities.loadedEdition()).contains("6.0.0");
    }

    @Test
    void each_departement_has_its_prefecture_and_each_region_its_council() {
        // 101 départements (96 metropolitan, 5 overseas) and 7 overseas collectivities with a State representative:
        // Saint-Barthélemy and Saint-Martin share one préfecture, listed under both codes; Clipperton has none.
        assertThat(count("SELECT COUNT(*) FROM authority WHERE kind = 'PREFECTURE'")).isEqualTo(108);
        assertThat(count("SELECT COUNT(*) FROM authority WHERE kind = 'REGION'")).isEqualTo(18);
        assertThat(authorities.authorityByCode("prefecture-13").name()).isEqualTo("Préfecture des Bouches-du-Rhône");
        assertThat(authorities.authorityByCode("prefecture-59").name()).isEqualTo("Préfecture du Nord");
        assertThat(authorities.authorityByCode("prefecture-01").name()).isEqualTo("Préfecture de l'Ain");
        assertThat(authorities.authorityByCode("region-94").name()).isEqualTo("Collectivité de Corse");
        assertThat(authorities.authorityByCode("mairie-76351").name()).isEqualTo("Mairie du Havre");
        assertThat(authorities.authorityByCode("ratp").kind()).isEqualTo(AuthorityKind.TRANSPORT_OPERATOR);
        assertThat(authorities.authorityByCode("cada").contact().email()).isEqualTo("cada@cada.fr");
    }

    @Test
    void loading_the_same_edition_again_writes_the_same_rows() {
        Map<String, Object> before = fingerprint();
        CommuneImporter.Result skipped = importer.importEdition(CommuneDataset.bundled(), false);
        assertThat(skipped.alreadyLoaded()).isTrue();
        CommuneImporter.Result forced = importer.importEdition(CommuneDataset.bundled(), true);
        assertThat(forced.alreadyLoaded()).isFalse();
        assertThat(forced.added() + forced.renamed() + forced.removed()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void communes_deleguees_and_former_codes_point_to_their_commune() {
        Commune bellegarde = authorities.search("Bellegarde-sur-Valserine", 5).get(0);
        assertThat(bellegarde.kind()).isEqualTo(CommuneKind.DELEGATED);
        assertThat(bellegarde.parentName()).isEqualTo("Valserhône");
        assertThat(authorities.successorOf("01340")).contains("01015");
        assertThat(authorities.commune("01015").formerCodes()).contains("01340");
    }

    /** Row counts and a checksum of the content of every table the import writes. */
    private Map<String, Object> fingerprint() {
        return Map.of(
                "commune", jdbc.sql("SELECT COUNT(*), SUM(CRC32(CONCAT_WS('|', insee, kind, name, population, "
                        + "postal_codes, current))) FROM commune").query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2))
                        .single(),
                "postal", count("SELECT COUNT(*) FROM commune_postal_code"),
                "former", count("SELECT COUNT(*) FROM commune_former_code"),
                "changes", count("SELECT COUNT(*) FROM commune_change"),
                "authority", jdbc.sql("SELECT COUNT(*), SUM(CRC32(CONCAT_WS('|', code, name, active))) FROM authority")
                        .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

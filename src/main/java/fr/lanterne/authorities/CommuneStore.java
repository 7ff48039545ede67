package fr.lanterne.authorities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL that reads the official lists: communes, départements, régions and intercommunalités. */
@Repository
class CommuneStore {

    private static final String COMMUNE_COLUMNS = """
            SELECT c.insee, c.kind, c.name, c.departement, d.name AS departement_name, c.region,
                   r.name AS region_name, c.population, c.postal_codes, c.siren, c.current, c.parent_insee,
                   p.name AS parent_name, c.last_edition
            FROM commune c
            LEFT JOIN departement d ON d.code = c.departement
            LEFT JOIN region r ON r.code = c.region
            LEFT JOIN commune p ON p.insee = c.parent_insee AND p.kind = 'COMMUNE'
            """;

    private final JdbcClient jdbc;

    CommuneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Commune> commune(String insee) {
        return jdbc.sql(COMMUNE_COLUMNS + " WHERE c.insee = ? AND c.kind = 'COMMUNE'")
                .param(insee)
                .query(this::mapCommune)
                .optional()
                .map(c -> withFormerCodes(c, formerCodesOf(insee)));
    }

    List<String> formerCodesOf(String insee) {
        return jdbc.sql("SELECT former_insee FROM commune_former_code WHERE insee = ? ORDER BY former_insee")
                .param(insee)
                .query(String.class)
                .list();
    }

    /** The current commune that took over a code that disappeared (merger), if any. */
    Optional<String> successorOf(String formerInsee) {
        return jdbc.sql("""
                        SELECT f.insee FROM commune_former_code f
                        JOIN commune c ON c.insee = f.insee AND c.kind = 'COMMUNE' AND c.current
                        WHERE f.former_insee = ? AND f.insee <> f.former_insee
                        ORDER BY f.edition DESC LIMIT 1""")
                .param(formerInsee)
                .query(String.class)
                .optional();
    }

    /**
     * Current entries whose folded name contains every word of the folded query; exact names first, then names
     * starting with the query, then names with a word starting with it; communes before their parts; larger first.
     */
    List<Commune> searchByName(String folded, int limit) {
        List<String> words = Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(COMMUNE_COLUMNS).append(" WHERE c.current");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND c.search_name LIKE ?");
            params.add("%" + word + "%");
        }
        sql.append("""
                 ORDER BY CASE WHEN c.search_name = ? THEN 0 WHEN c.search_name LIKE ? THEN 1
                               WHEN c.search_name LIKE ? THEN 2 ELSE 3 END,
                          CASE WHEN c.kind = 'COMMUNE' THEN 0 ELSE 1 END,
                          c.population DESC, c.name
                 LIMIT ?""");
        params.addAll(List.of(folded, folded + "%", "% " + folded + "%", limit));
        return jdbc.sql(sql.toString()).params(params).query(this::mapCommune).list();
    }

    /** A five-character code: the commune with that INSEE code, or the communes served by that postal code. */
    List<Commune> searchByCode(String code, int limit) {
        return jdbc.sql(COMMUNE_COLUMNS + """
                         WHERE c.current AND (c.insee = ? OR EXISTS (
                             SELECT 1 FROM commune_postal_code pc
                             WHERE pc.postal_code = ? AND pc.insee = c.insee AND pc.kind = c.kind))
                         ORDER BY CASE WHEN c.insee = ? THEN 0 ELSE 1 END,
                                  CASE WHEN c.kind = 'COMMUNE' THEN 0 ELSE 1 END, c.population DESC, c.name
                         LIMIT ?""")
                .params(code, code, code, limit)
                .query(this::mapCommune)
                .list();
    }

    List<String> communeCodes(String departement, Integer minPopulation) {
        StringBuilder sql = new StringBuilder("SELECT insee FROM commune WHERE kind = 'COMMUNE' AND current");
        List<Object> params = new ArrayList<>();
        if (departement != null) {
            sql.append(" AND departement = ?");
            params.add(departement);
        }
        if (minPopulation != null && minPopulation > 0) {
            sql.append(" AND population >= ?");
            params.add(minPopulation);
        }
        return jdbc.sql(sql.append(" ORDER BY insee").toString()).params(params).query(String.class).list();
    }

    int countCurrentCommunes() {
        return jdbc.sql("SELECT COUNT(*) FROM commune WHERE kind = 'COMMUNE' AND current").query(Integer.class)
                .single();
    }

    /** In the official order: 01 to 19, 2A, 2B, 21 to 95, then overseas. */
    List<DepartementName> departements() {
        return jdbc.sql("""
                        SELECT code, name FROM departement
                        ORDER BY CASE code WHEN '2A' THEN '20A' WHEN '2B' THEN '20B' ELSE code END""")
                .query((rs, n) -> new DepartementName(rs.getString("code"), rs.getString("name")))
                .list();
    }

    Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM region ORDER BY code")
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
        return names;
    }

    Optional<String> departementName(String code) {
        return jdbc.sql("SELECT name FROM departement WHERE code = ?").param(code).query(String.class).optional();
    }

    Map<String, String> communeNames(Collection<String> insees) {
        Map<String, String> names = new HashMap<>();
        for (List<String> chunk : InLists.chunks(List.copyOf(insees))) {
            jdbc.sql("SELECT insee, name FROM commune WHERE kind = 'COMMUNE' AND insee IN ("
                            + InLists.placeholders(chunk) + ")")
                    .params(chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    private Commune mapCommune(ResultSet rs, int row) throws SQLException {
        String postalCodes = rs.getString("postal_codes");
        return new Commune(rs.getString("insee"), CommuneKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("departement"), rs.getString("departement_name"), rs.getString("region"),
                rs.getString("region_name"), (Integer) rs.getObject("population", Integer.class),
                postalCodes == null || postalCodes.isBlank() ? List.of() : List.of(postalCodes.split(" ")),
                rs.getString("siren"), rs.getBoolean("current"), rs.getString("parent_insee"),
                rs.getString("parent_name"), List.of(), rs.getString("last_edition"));
    }

    private static Commune withFormerCodes(Commune c, List<String> formerCodes) {
        return new Commune(c.insee(), c.kind(), c.name(), c.departement(), c.departementName(), c.region(),
                c.regionName(), c.population(), c.postalCodes(), c.siren(), c.current(), c.parentInsee(),
                c.parentName(), formerCodes, c.edition());
    }

    // --- intercommunalités -------------------------------------------------------------------------------------

    private static final String EPCI_COLUMNS = """
            SELECT e.siren, e.name, e.type, e.population_total, e.population_municipal, e.departement,
                   d.name AS departement_name, e.region, e.current
            FROM epci e LEFT JOIN departement d ON d.code = e.departement
            """;

    Optional<Epci> epci(String siren) {
        return jdbc.sql(EPCI_COLUMNS + " WHERE e.siren = ?").param(siren).query(this::mapEpci).optional()
                .map(e -> new Epci(e.siren(), e.name(), e.type(), e.populationTotal(), e.populationMunicipal(),
                        e.departement(), e.departementName(), e.region(), e.current(), epciMembers(siren)));
    }

    private List<Epci.Member> epciMembers(String siren) {
        return jdbc.sql("""
                        SELECT insee, name, population_total, population_municipal FROM epci_member
                        WHERE epci_siren = ? ORDER BY population_total DESC, name""")
                .param(siren)
                .query((rs, n) -> new Epci.Member(rs.getString(1), rs.getString(2),
                        rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)))
                .list();
    }

    /** Current EPCI whose folded name holds every word of the query, best match first; without their members. */
    List<Epci> searchEpci(String folded, int limit) {
        List<String> words = Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(EPCI_COLUMNS).append(" WHERE e.current");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND e.search_name LIKE ?");
            params.add("%" + word + "%");
        }
        sql.append("""
                 ORDER BY CASE WHEN e.search_name = ? THEN 0 WHEN e.search_name LIKE ? THEN 1
                               WHEN e.search_name LIKE ? THEN 2 ELSE 3 END,
                          e.population_total DESC, e.name
                 LIMIT ?""");
        params.addAll(List.of(folded, folded + "%", "% " + folded + "%", limit));
        return jdbc.sql(sql.toString()).params(params).query(this::mapEpci).list();
    }

    /** The current EPCI a commune belongs to (one at most in the DGCL list; the first by SIREN otherwise). */
    Optional<Epci.Ref> epciOf(String insee) {
        return jdbc.sql("""
                        SELECT e.siren, e.name, e.type FROM epci_member m JOIN epci e ON e.siren = m.epci_siren
                        WHERE m.insee = ? AND e.current ORDER BY e.siren LIMIT 1""")
                .param(insee)
                .query((rs, n) -> new Epci.Ref(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** SIRENs of the current EPCI with at least one member commune in the département. */
    List<String> epciSirensOfDepartement(String departement) {
        return jdbc.sql("""
                        SELECT DISTINCT e.siren FROM epci e JOIN epci_member m ON m.epci_siren = e.siren
                        JOIN commune c ON c.insee = m.insee AND c.kind = 'COMMUNE'
                        WHERE e.current AND c.departement = ? ORDER BY e.siren""")
                .param(departement)
                .query(String.class)
                .list();
    }

    private Epci mapEpci(ResultSet rs, int row) throws SQLException {
        return new Epci(rs.getString("siren"), rs.getString("name"), rs.getString("type"),
                rs.getObject("population_total", Integer.class), rs.getObject("population_municipal", Integer.class),
                rs.getString("departement"), rs.getString("departement_name"), rs.getString("region"),
                rs.getBoolean("current"), List.of());
    }
}

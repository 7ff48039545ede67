package fr.lanterne.authorities;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the intercommunalités of an edition, with the {@code epci-SIREN} authorities they imply. Its own entry in
 * {@code reference_edition} (dataset {@code epci}, the checksum of {@code epci.json}) means that a database loaded
 * before EPCI existed gets them at its next start, although its commune list is unchanged and skipped. Run after the
 * communes: an EPCI's département and région are those of most of its members.
 */
@Component
class EpciImporter {

    private static final Logger log = LoggerFactory.getLogger(EpciImporter.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EpciImporter(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return how many EPCI were written, or empty when this list was already loaded */
    Optional<Integer> importList(EpciDataset dataset, String edition, boolean force) {
        Optional<String> loaded = jdbc.sql("SELECT checksum FROM reference_edition WHERE dataset = ?")
                .param(EpciDataset.DATASET).query(String.class).optional();
        if (!force && loaded.filter(dataset.checksum()::equals).isPresent()) {
            return Optional.empty();
        }
        int written = transaction.execute(status -> write(dataset, edition));
        log.info("EPCI list of edition {} loaded: {} intercommunalités", edition, written);
        return Optional.of(written);
    }

    private record Place(String departement, String region) {
    }

    /** An EPCI of the list, placed in the département and région of most of its members (null when none is known). */
    private record Placed(EpciDataset.Epci epci, String departement, String region) {
    }

    private record MemberRow(String siren, EpciDataset.Member member) {
    }

    private int write(EpciDataset dataset, String edition) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Place> places = new HashMap<>();
        jdbc.sql("SELECT insee, departement, region FROM commune WHERE kind = 'COMMUNE'")
                .query((rs, n) -> Map.entry(rs.getString(1), new Place(rs.getString(2), rs.getString(3))))
                .list()
                .forEach(e -> places.put(e.getKey(), e.getValue()));
        List<Placed> epcis = new ArrayList<>();
        List<MemberRow> members = new ArrayList<>();
        for (EpciDataset.Epci e : dataset.epcis()) {
            Place place = mostCommon(e.members().stream().map(m -> places.get(m.insee())).filter(p -> p != null)
                    .toList());
            epcis.add(new Placed(e, place == null ? null : place.departement(), place == null ? null : place.region()));
            e.members().forEach(m -> members.add(new MemberRow(e.siren(), m)));
        }
        jdbc.sql("UPDATE epci SET current = FALSE").update();
        batch.batchUpdate("""
                INSERT INTO epci (siren, name, search_name, type, financing, population_total, population_municipal,
                    departement, region, current, last_edition)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), search_name = VALUES(search_name), type = VALUES(type),
                    financing = VALUES(financing), population_total = VALUES(population_total),
                    population_municipal = VALUES(population_municipal), departement = VALUES(departement),
                    region = VALUES(region), current = TRUE, last_edition = VALUES(last_edition)""",
                epcis, InLists.SIZE, (ps, p) -> {
                    ps.setString(1, p.epci().siren());
                    ps.setString(2, p.epci().name());
                    ps.setString(3, SearchText.fold(p.epci().name()));
                    ps.setString(4, p.epci().type());
                    ps.setString(5, p.epci().financing());
                    ps.setObject(6, p.epci().populationTotal());
                    ps.setObject(7, p.epci().populationMunicipal());
                    ps.setString(8, p.departement());
                    ps.setString(9, p.region());
                    ps.setString(10, edition);
                });
        jdbc.sql("DELETE FROM epci_member").update();
        batch.batchUpdate("""
                INSERT INTO epci_member (epci_siren, insee, name, population_total, population_municipal)
                VALUES (?, ?, ?, ?, ?)""", members, InLists.SIZE, (ps, m) -> {
                    ps.setString(1, m.siren());
                    ps.setString(2, m.member().insee());
                    ps.setString(3, m.member().name());
                    ps.setObject(4, m.member().populationTotal());
                    ps.setObject(5, m.member().populationMunicipal());
                });
        // An EPCI that left the list (merged, dissolved) keeps its authority, inactive, for the requests sent to it.
        jdbc.sql("""
                UPDATE authority a JOIN epci e ON a.code = CONCAT('epci-', e.siren)
                SET a.active = e.current WHERE a.kind = 'EPCI'""").update();
        batch.batchUpdate("""
                INSERT INTO authority (code, kind, name, commune_insee, departement, region, active, created_at)
                VALUES (?, ?, ?, NULL, ?, ?, TRUE, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), departement = VALUES(departement),
                    region = VALUES(region), active = TRUE""", epcis, InLists.SIZE, (ps, p) -> {
                    ps.setString(1, AuthorityCodes.epci(p.epci().siren()));
                    ps.setString(2, AuthorityKind.EPCI.name());
                    ps.setString(3, p.epci().name());
                    ps.setString(4, p.departement());
                    ps.setString(5, p.region());
                    ps.setTimestamp(6, now);
                });
        jdbc.sql("""
                INSERT INTO reference_edition (dataset, edition, checksum, row_count, loaded_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE edition = VALUES(edition), checksum = VALUES(checksum),
                    row_count = VALUES(row_count), loaded_at = VALUES(loaded_at)""")
                .params(EpciDataset.DATASET, edition, dataset.checksum(), dataset.epcis().size(), now)
                .update();
        return dataset.epcis().size();
    }

    private static Place mostCommon(List<Place> places) {
        return places.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Comparator.comparing(Map.Entry<Place, Long>::getValue)
                        .thenComparing(e -> e.getKey().departement(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}

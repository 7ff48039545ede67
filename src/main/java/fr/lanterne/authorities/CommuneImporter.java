package fr.lanterne.authorities;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an edition of the official commune list into the database, with the town hall, préfecture and région
 * authorities it implies.
 *
 * <p>Idempotent: an edition already loaded (same checksum) is skipped, and loading the same data again writes the
 * same rows. A new edition updates communes in place and keeps what changed: a commune that disappears stays, marked
 * not current (requests sent to it keep their authority), with the commune that took over its code when one lists it
 * in {@code anciensCodes}; a renamed commune keeps its former name in {@code commune_change}. All in one
 * transaction: a failure leaves the previous edition untouched.
 */
@Component
class CommuneImporter {

    record Result(String edition, boolean alreadyLoaded, int entries, int added, int renamed, int removed,
                  Duration took) {
    }

    private static final Logger log = LoggerFactory.getLogger(CommuneImporter.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CommuneImporter(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
    }

    Result importEdition(CommuneDataset.Package source, boolean force) {
        long started = System.nanoTime();
        if (!force && loadedChecksum().filter(source.checksum()::equals).isPresent()) {
            return new Result(source.edition(), true, 0, 0, 0, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        CommuneDataset dataset = source.parse();
        Result result = transaction.execute(status -> write(dataset, started));
        log.info("Commune list {} loaded: {} entries, {} added, {} renamed, {} removed, in {} ms", result.edition(),
                result.entries(), result.added(), result.renamed(), result.removed(), result.took().toMillis());
        return result;
    }

    Optional<String> loadedChecksum() {
        return jdbc.sql("SELECT checksum FROM reference_edition WHERE dataset = ?")
                .param(CommuneDataset.DATASET)
                .query(String.class)
                .optional();
    }

    Optional<String> loadedEdition() {
        return jdbc.sql("SELECT edition FROM reference_edition WHERE dataset = ?")
                .param(CommuneDataset.DATASET)
                .query(String.class)
                .optional();
    }

    private Result write(CommuneDataset dataset, long started) {
        Timestamp now = Timestamp.from(clock.instant());
        String edition = dataset.edition();
        writeRegions(dataset.regions());
        writeDepartements(dataset.departements());

        Map<String, Known> known = knownCommunes();
        boolean firstLoad = known.isEmpty();
        Set<String> incoming = new HashSet<>();
        Map<String, String> successorOf = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        int added = 0;
        int renamed = 0;
        for (CommuneDataset.Entry entry : dataset.communes()) {
            String key = key(entry.insee(), entry.kind());
            incoming.add(key);
            entry.formerCodes().forEach(former -> successorOf.putIfAbsent(former, entry.insee()));
            Known before = known.get(key);
            if (before == null && !firstLoad) {
                added++;
                changes.add(new Change(entry.insee(), entry.kind().name(), "ADDED", null, entry.name()));
            } else if (before != null && !before.name().equals(entry.name())) {
                renamed++;
                changes.add(new Change(entry.insee(), entry.kind().name(), "RENAMED", before.name(), entry.name()));
            }
        }
        upsertCommunes(dataset.communes(), edition);

        List<Known> removals = new ArrayList<>();
        for (Map.Entry<String, Known> entry : known.entrySet()) {
            Known before = entry.getValue();
            if (before.current() && !incoming.contains(entry.getKey())) {
                String successor = successorOf.get(before.insee());
                changes.add(new Change(before.insee(), before.kind(), successor == null ? "REMOVED" : "MERGED",
                        before.name(), successor));
                removals.add(before);
            }
        }
        batch.batchUpdate("UPDATE commune SET current = FALSE WHERE insee = ? AND kind = ?", removals, InLists.SIZE,
                (ps, k) -> {
                    ps.setString(1, k.insee());
                    ps.setString(2, k.kind());
                });
        batch.batchUpdate("""
                INSERT INTO commune_change (insee, kind, edition, change_type, old_value, new_value, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", changes, InLists.SIZE, (ps, c) -> {
                    ps.setString(1, c.insee());
                    ps.setString(2, c.kind());
                    ps.setString(3, edition);
                    ps.setString(4, c.type());
                    ps.setString(5, c.oldValue());
                    ps.setString(6, c.newValue());
                    ps.setTimestamp(7, now);
                });

        writePostalCodes(dataset.communes());
        writeFormerCodes(dataset.communes(), edition);
        writeAuthorities(dataset, removals, now);

        jdbc.sql("""
                INSERT INTO reference_edition (dataset, edition, checksum, row_count, loaded_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE edition = VALUES(edition), checksum = VALUES(checksum),
                    row_count = VALUES(row_count), loaded_at = VALUES(loaded_at)""")
                .params(CommuneDataset.DATASET, edition, dataset.checksum(), dataset.communes().size(), now)
                .update();
        return new Result(edition, false, dataset.communes().size(), added, renamed, removals.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record Known(String insee, String kind, String name, boolean current) {
    }

    /** A line of a commune's history; the edition and the time are those of the load. */
    private record Change(String insee, String kind, String type, String oldValue, String newValue) {
    }

    private Map<String, Known> knownCommunes() {
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("SELECT insee, kind, name, current FROM commune")
                .query((rs, n) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list()
                .forEach(k -> known.put(k.insee() + "/" + k.kind(), k));
        return known;
    }

    private static String key(String insee, CommuneKind kind) {
        return insee + "/" + kind.name();
    }

    private void writeRegions(List<CommuneDataset.Region> regions) {
        batch.batchUpdate("""
                INSERT INTO region (code, name, zone, chef_lieu, name_form) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), zone = VALUES(zone), chef_lieu = VALUES(chef_lieu),
                    name_form = VALUES(name_form)""", regions, InLists.SIZE, (ps, r) -> {
                    ps.setString(1, r.code());
                    ps.setString(2, r.name());
                    ps.setString(3, r.zone());
                    ps.setString(4, r.chefLieu());
                    ps.setObject(5, r.nameForm());
                });
    }

    private void writeDepartements(List<CommuneDataset.Departement> departements) {
        batch.batchUpdate("""
                INSERT INTO departement (code, name, region_code, zone, chef_lieu, name_form) VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), region_code = VALUES(region_code), zone = VALUES(zone),
                    chef_lieu = VALUES(chef_lieu), name_form = VALUES(name_form)""", departements, InLists.SIZE, (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.region());
                    ps.setString(4, d.zone());
                    ps.setString(5, d.chefLieu());
                    ps.setObject(6, d.nameForm());
                });
    }

    private void upsertCommunes(List<CommuneDataset.Entry> entries, String edition) {
        batch.batchUpdate("""
                INSERT INTO commune (insee, kind, name, search_name, name_form, departement, region, arrondissement,
                    zone, parent_insee, siren, population, postal_codes, current, first_edition, last_edition)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), search_name = VALUES(search_name),
                    name_form = VALUES(name_form), departement = VALUES(departement), region = VALUES(region),
                    arrondissement = VALUES(arrondissement), zone = VALUES(zone), parent_insee = VALUES(parent_insee),
                    siren = VALUES(siren), population = VALUES(population), postal_codes = VALUES(postal_codes),
                    current = TRUE, last_edition = VALUES(last_edition)""", entries, InLists.SIZE, (ps, e) -> {
                    ps.setString(1, e.insee());
                    ps.setString(2, e.kind().name());
                    ps.setString(3, e.name());
                    ps.setString(4, SearchText.fold(e.name()));
                    ps.setObject(5, e.nameForm());
                    ps.setString(6, e.departement());
                    ps.setString(7, e.region());
                    ps.setString(8, e.arrondissement());
                    ps.setString(9, e.zone());
                    ps.setString(10, e.parentInsee());
                    ps.setString(11, e.siren());
                    ps.setObject(12, e.population());
                    ps.setString(13, String.join(" ", e.postalCodes()));
                    ps.setString(14, edition);
                    ps.setString(15, edition);
                });
    }

    private record PostalCode(String postalCode, CommuneDataset.Entry commune) {
    }

    private void writePostalCodes(List<CommuneDataset.Entry> entries) {
        jdbc.sql("DELETE FROM commune_postal_code").update();
        List<PostalCode> rows = new ArrayList<>();
        for (CommuneDataset.Entry e : entries) {
            for (String postalCode : new HashSet<>(e.postalCodes())) {
                rows.add(new PostalCode(postalCode, e));
            }
        }
        batch.batchUpdate("INSERT INTO commune_postal_code (postal_code, insee, kind) VALUES (?, ?, ?)", rows, InLists.SIZE,
                (ps, p) -> {
                    ps.setString(1, p.postalCode());
                    ps.setString(2, p.commune().insee());
                    ps.setString(3, p.commune().kind().name());
                });
    }

    private record FormerCode(String formerInsee, String insee) {
    }

    private void writeFormerCodes(List<CommuneDataset.Entry> entries, String edition) {
        List<FormerCode> rows = new ArrayList<>();
        for (CommuneDataset.Entry e : entries) {
            if (e.kind() == CommuneKind.COMMUNE) {
                e.formerCodes().forEach(former -> rows.add(new FormerCode(former, e.insee())));
            }
        }
        batch.batchUpdate("INSERT IGNORE INTO commune_former_code (former_insee, insee, edition) VALUES (?, ?, ?)",
                rows, InLists.SIZE, (ps, f) -> {
                    ps.setString(1, f.formerInsee());
                    ps.setString(2, f.insee());
                    ps.setString(3, edition);
                });
    }

    /** A town hall, préfecture or regional council implied by the list. */
    private record ImpliedAuthority(String code, AuthorityKind kind, String name, String communeInsee,
                                    String departement, String region) {
    }

    private void writeAuthorities(CommuneDataset dataset, List<Known> removals, Timestamp now) {
        List<ImpliedAuthority> rows = new ArrayList<>();
        for (CommuneDataset.Entry e : dataset.communes()) {
            if (e.kind() == CommuneKind.COMMUNE) {
                rows.add(new ImpliedAuthority(AuthorityCodes.townHall(e.insee()), AuthorityKind.TOWN_HALL,
                        "Mairie " + PlaceNames.ofCommune(e.name(), e.nameForm()), e.insee(), e.departement(),
                        e.region()));
            }
        }
        for (CommuneDataset.Departement d : dataset.departements()) {
            StateRepresentatives.prefectureName(d).ifPresent(name -> rows.add(new ImpliedAuthority(
                    AuthorityCodes.prefecture(d.code()), AuthorityKind.PREFECTURE, name, d.chefLieu(), d.code(),
                    d.region())));
        }
        for (CommuneDataset.Region r : dataset.regions()) {
            StateRepresentatives.regionalCouncilName(r).ifPresent(name -> rows.add(new ImpliedAuthority(
                    AuthorityCodes.region(r.code()), AuthorityKind.REGION, name, r.chefLieu(), null, r.code())));
        }
        batch.batchUpdate("""
                INSERT INTO authority (code, kind, name, commune_insee, departement, region, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), commune_insee = VALUES(commune_insee),
                    departement = VALUES(departement), region = VALUES(region), active = TRUE""", rows, InLists.SIZE,
                (ps, a) -> {
                    ps.setString(1, a.code());
                    ps.setString(2, a.kind().name());
                    ps.setString(3, a.name());
                    ps.setString(4, a.communeInsee());
                    ps.setString(5, a.departement());
                    ps.setString(6, a.region());
                    ps.setTimestamp(7, now);
                });
        List<String> closedTownHalls = removals.stream()
                .filter(k -> CommuneKind.COMMUNE.name().equals(k.kind()))
                .map(k -> AuthorityCodes.townHall(k.insee()))
                .toList();
        batch.batchUpdate("UPDATE authority SET active = FALSE WHERE code = ?", closedTownHalls, InLists.SIZE,
                (ps, code) -> ps.setString(1, code));
    }
}

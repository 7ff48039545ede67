package fr.lanterne.authorities;

import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.database.EmbeddedMariaDb;
import fr.lanterne.database.ScratchDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time to load the official commune list into an empty database, against a baseline measured in the same run:
 * the same rows parsed by the same code and written in one transaction by plain batched INSERTs into one table with
 * the same columns (no upsert, no history, no postal-code index, no authorities). The ratio says what Lanterne's bookkeeping costs.
 * Run with {@code mvn -Pbench verify -Dit.test=CommuneLoadBenchmark}.
 */
class CommuneLoadBenchmark {

    private static final int ROUNDS = 5;

    @Test
    void load_the_commune_list() {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.open(Path.of("target", "bench-db").toAbsolutePath(),
                Path.of("target", "mariadb-binaries"), 0, false)) {
            CommuneDataset.Package bundled = CommuneDataset.bundled();
            List<Double> lanterne = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> upToDate = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                try (ScratchDatabase database = ScratchDatabase.create(server, "bench_load")) {
                    CommuneImporter importer = new CommuneImporter(database.jdbc(), database.jdbcTemplate(),
                            database.transactions(), Clock.systemUTC());
                    long start = System.nanoTime();
                    importer.importEdition(bundled, false);
                    lanterne.add(seconds(start));
                    start = System.nanoTime();
                    importer.importEdition(CommuneDataset.bundled(), false);
                    upToDate.add(seconds(start));
                }
                try (ScratchDatabase database = ScratchDatabase.create(server, "bench_raw")) {
                    long start = System.nanoTime();
                    database.transactions().executeWithoutResult(tx -> rawLoad(bundled.parse(), database.jdbcTemplate()));
                    raw.add(seconds(start));
                }
            }
            BenchmarkReport.write("commune-load", List.of(
                    BenchmarkReport.row("Load 37,590 entries into an empty database (Lanterne)", lanterne),
                    BenchmarkReport.row("Baseline: same rows, plain batched INSERT, same run", raw),
                    BenchmarkReport.row("Later starts: edition already loaded (read package, compare checksum)", upToDate)),
                    "Ratio Lanterne / baseline (median): " + BenchmarkReport.ratio(lanterne, raw));
        }
    }

    private static void rawLoad(CommuneDataset dataset, JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE raw_commune (insee CHAR(5), kind VARCHAR(24), name VARCHAR(150), name_form TINYINT,
                    departement VARCHAR(3), region VARCHAR(3), arrondissement VARCHAR(4), zone VARCHAR(8),
                    parent_insee CHAR(5), siren CHAR(9), population INT, postal_codes VARCHAR(400),
                    PRIMARY KEY (insee, kind)) ENGINE=InnoDB""");
        List<Object[]> rows = new ArrayList<>();
        for (CommuneDataset.Entry e : dataset.communes()) {
            rows.add(new Object[] {e.insee(), e.kind().name(), e.name(), e.nameForm(), e.departement(), e.region(),
                    e.arrondissement(), e.zone(), e.parentInsee(), e.siren(), e.population(),
                    String.join(" ", e.postalCodes())});
            if (rows.size() == 2_000) {
                insert(jdbc, rows);
                rows.clear();
            }
        }
        insert(jdbc, rows);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO raw_commune VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

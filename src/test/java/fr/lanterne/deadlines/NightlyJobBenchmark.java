package fr.lanterne.deadlines;

import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.requests.Requests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly job over 1,000,000 requests in mixed states, against a plain SQL scan of the same rows in the same run.
 *
 * <p>The data is a steady state: 900,000 requests closed long ago (answered, withdrawn, closed) and 100,000 open ones
 * (at most one open request per town hall and template: the database's rule) whose dates are spread over the last
 * two months, so that each night some cross a step (a reminder due, an implicit refusal born, a warning) while what
 * earlier nights did is already recorded. Run with {@code mvn -Pbench verify -Dit.test=NightlyJobBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "lanterne.data-dir=target/bench-nightly",
        "lanterne.database.binaries-dir=target/mariadb-binaries",
        "lanterne.scheduling.enabled=false",
        "lanterne.requests.mailbox=demandes@lanterne.test"})
class NightlyJobBenchmark {

    private static final LocalDate NIGHT = LocalDate.of(2026, 6, 15);
    private static final int TOTAL = 1_000_000;
    private static final int OPEN = 100_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NightlyJobs nightly;

    @Autowired
    Requests requests;

    @Autowired
    JobRepository jobRepository;

    @Test
    void a_night_over_a_million_requests() {
        generate();
        List<Double> job = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        List<Long> drafts = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            resetTonight();
            long start = System.nanoTime();
            int rows = 0;
            long after = 0;
            while (true) {
                var page = requests.openRequestsAfter(after, 2_000);
                if (page.isEmpty()) {
                    break;
                }
                rows += page.size();
                after = page.get(page.size() - 1).id();
            }
            scan.add(seconds(start));
            start = System.nanoTime();
            NightlyJobs.Run run = nightly.run(NIGHT);
            job.add(seconds(start));
            if (!"COMPLETED".equals(run.status()) || rows != OPEN) {
                throw new IllegalStateException(run + " / " + rows);
            }
            drafts.add(jdbc.sql("SELECT COUNT(*) FROM deadline_notice WHERE run_date = ? AND draft_file IS NOT NULL")
                    .param(NIGHT).query(Long.class).single());
        }
        long tonight = jdbc.sql("SELECT COUNT(*) FROM deadline_notice WHERE run_date = ?").param(NIGHT)
                .query(Long.class).single();
        BenchmarkReport.write("nightly", List.of(
                        BenchmarkReport.row("Nightly job, 1,000,000 requests (100,000 open)", job),
                        BenchmarkReport.row("Baseline: plain SQL scan of the same open rows, same pages", scan)),
                String.format(Locale.ROOT, "Each night: %d notices, %s letters drafted (reminders, referrals, series), "
                        + "digests written for 200 volunteers. Ratio job / scan (medians): %s.", tonight, drafts,
                        BenchmarkReport.ratio(job, scan)));
    }

    /** Undoes tonight's work so that each round does the same night again. */
    private void resetTonight() {
        JobInstance instance = jobRepository.getJobInstance("nightly",
                new JobParametersBuilder().addString("runDate", NIGHT.toString()).toJobParameters());
        if (instance != null) {
            jobRepository.deleteJobInstance(instance);
        }
        jdbc.sql("DELETE FROM deadline_notice WHERE run_date = ?").param(NIGHT).update();
        jdbc.sql("DELETE FROM deadline_digest WHERE run_date = ?").param(NIGHT).update();
        jdbc.sql("DELETE FROM request_event WHERE recorded_at >= CURRENT_DATE").update();
        // Requests moved tonight go back to the state they had.
        // Generated rows have version 0; the job's changes raised it.
        jdbc.sql("""
                UPDATE request SET status = 'RECEIVED', implicit_refusal_on = NULL
                WHERE version > 0 AND status = 'IMPLICITLY_REFUSED'""").update();
        jdbc.sql("""
                UPDATE request SET status = 'REFERRED_TO_CADA', confirmed_refusal_on = NULL
                WHERE version > 0 AND status = 'CONFIRMED_REFUSAL'""").update();
        jdbc.sql("UPDATE request SET version = 0 WHERE version > 0").update();
    }

    private void generate() {
        // Generated afresh on each run (about a minute, not measured), so that it always matches this code.
        jdbc.sql("DELETE FROM deadline_notice").update();
        jdbc.sql("DELETE FROM deadline_digest").update();
        jdbc.sql("DELETE FROM request_event").update();
        jdbc.sql("DELETE FROM request").update();
        // A real table: a temporary one belongs to one connection of the pool.
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_town (n INT PRIMARY KEY, id BIGINT, departement VARCHAR(3))")
                .update();
        jdbc.sql("DELETE FROM bench_town").update();
        jdbc.sql("""
                INSERT INTO bench_town (n, id, departement)
                SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id, departement FROM authority
                WHERE kind = 'TOWN_HALL' AND active""").update();
        int towns = jdbc.sql("SELECT COUNT(*) FROM bench_town").query(Integer.class).single();
        String night = "DATE('" + NIGHT + "')";
        // Open requests: one per (town hall, template); the state and its dates depend on seq % 8.
        jdbc.sql("""
                INSERT INTO request (reference, authority_id, departement, template_id, owner, channel, status,
                    created_at, sent_at, received_on, refused_on, implicit_refusal_on, cada_referred_on,
                    cada_registered_on, confirmed_refusal_on, letter_file, version)
                SELECT CONCAT('LNT-2026-', LPAD(s.seq, 7, '0')), t.id, t.departement,
                       ELT(1 + s.seq DIV %1$d, 'vsa', 'cctv', 'drones-sound'),
                       CONCAT('benevole-', s.seq MOD 200), 'POST',
                       ELT(1 + s.seq MOD 8, 'SENT', 'RECEIVED', 'RECEIVED', 'IMPLICITLY_REFUSED', 'REFUSED',
                           'REFERRED_TO_CADA', 'CONFIRMED_REFUSAL', 'RECEIVED'),
                       %2$s - INTERVAL 70 DAY,
                       TIMESTAMP(CASE s.seq MOD 8
                           WHEN 0 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 40) DAY
                           ELSE %2$s - INTERVAL 150 DAY END, '10:00:00'),
                       CASE s.seq MOD 8
                           WHEN 0 THEN NULL
                           WHEN 1 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 32) DAY
                           WHEN 2 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 32) DAY
                           WHEN 7 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 32) DAY
                           WHEN 3 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY - INTERVAL 1 MONTH
                           ELSE %2$s - INTERVAL 140 DAY END,
                       CASE s.seq MOD 8 WHEN 4 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY
                                        WHEN 5 THEN %2$s - INTERVAL 100 DAY
                                        WHEN 6 THEN %2$s - INTERVAL 130 DAY END,
                       CASE s.seq MOD 8 WHEN 3 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY END,
                       CASE s.seq MOD 8 WHEN 5 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 60) DAY - INTERVAL 3 DAY
                                        WHEN 6 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY - INTERVAL 2 MONTH - INTERVAL 3 DAY END,
                       CASE s.seq MOD 8 WHEN 5 THEN %2$s - INTERVAL ((s.seq DIV 8) MOD 60) DAY
                                        WHEN 6 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY - INTERVAL 2 MONTH END,
                       CASE s.seq MOD 8 WHEN 6 THEN %2$s - INTERVAL (1 + (s.seq DIV 8) MOD 60) DAY END,
                       'letters/bench.pdf', 0
                FROM seq_0_to_%3$d s JOIN bench_town t ON t.n = s.seq MOD %1$d""".formatted(towns, night, OPEN - 1))
                .update();
        // Closed requests: the history of earlier years.
        jdbc.sql("""
                INSERT INTO request (reference, authority_id, departement, template_id, owner, channel, status,
                    created_at, sent_at, received_on, answered_on, withdrawn_on, version)
                SELECT CONCAT('LNT-2024-', LPAD(s.seq, 7, '0')), t.id, t.departement, 'vsa',
                       CONCAT('benevole-', s.seq MOD 200), 'EMAIL', ELT(1 + s.seq MOD 3, 'ANSWERED', 'WITHDRAWN', 'CLOSED'),
                       TIMESTAMP(%2$s - INTERVAL (200 + s.seq MOD 500) DAY), TIMESTAMP(%2$s - INTERVAL (200 + s.seq MOD 500) DAY),
                       %2$s - INTERVAL (198 + s.seq MOD 500) DAY,
                       CASE s.seq MOD 3 WHEN 0 THEN %2$s - INTERVAL (180 + s.seq MOD 500) DAY END,
                       CASE s.seq MOD 3 WHEN 1 THEN %2$s - INTERVAL (180 + s.seq MOD 500) DAY END, 0
                FROM seq_0_to_%3$d s JOIN bench_town t ON t.n = s.seq MOD %1$d""".formatted(towns, night,
                TOTAL - OPEN - 1)).update();
        // Every town hall has an address, as those written to do.
        jdbc.sql("""
                INSERT INTO authority_contact (authority_id, source, source_reference, postal_address, recorded_at,
                    recorded_by)
                SELECT a.id, 'REFERENCE', 'benchmark', CONCAT('Hôtel de ville\\n', a.name), NOW(6), 'benchmark'
                FROM authority a WHERE a.kind = 'TOWN_HALL'
                  AND NOT EXISTS (SELECT 1 FROM authority_contact x WHERE x.authority_id = a.id)""").update();
        // What earlier nights already did: their notices, delivered in an earlier digest.
        jdbc.sql("""
                INSERT INTO deadline_digest (username, run_date, status, notice_count) VALUES ('benevoles', ?, 'SENT', 0)""")
                .param(NIGHT.minusDays(1)).update();
        long digest = jdbc.sql("SELECT id FROM deadline_digest WHERE username = 'benevoles'").query(Long.class).single();
        String earlier = """
                INSERT IGNORE INTO deadline_notice (notice_key, kind, request_id, reference, owner, message, run_date,
                    created_at, digest_id)
                SELECT CONCAT('%s:', reference), '%s', id, reference, owner, 'earlier night', ?, NOW(6), ?
                FROM request WHERE %s""";
        String yesterday = NIGHT.minusDays(1).toString();
        List<String[]> done = List.of(
                new String[] {"RECEIPT", "RECORD_RECEIPT", "status = 'SENT' AND sent_at < " + night + " - INTERVAL 10 DAY"},
                new String[] {"REMINDER", "REMINDER_DRAFTED", "status = 'RECEIVED' AND received_on + INTERVAL 1 MONTH"
                        + " - INTERVAL 7 DAY < " + night},
                new String[] {"IMPLICIT", "IMPLICIT_REFUSAL", "status = 'IMPLICITLY_REFUSED'"},
                new String[] {"REFERRAL", "REFERRAL_DRAFTED", "status IN ('IMPLICITLY_REFUSED', 'REFUSED')"},
                new String[] {"REFERRAL_SOON:14", "REFERRAL_DEADLINE_SOON", "status IN ('IMPLICITLY_REFUSED', 'REFUSED')"
                        + " AND COALESCE(refused_on, implicit_refusal_on) + INTERVAL 2 MONTH - INTERVAL 14 DAY < " + night},
                new String[] {"REFERRAL_SOON:3", "REFERRAL_DEADLINE_SOON", "status IN ('IMPLICITLY_REFUSED', 'REFUSED')"
                        + " AND COALESCE(refused_on, implicit_refusal_on) + INTERVAL 2 MONTH - INTERVAL 3 DAY < " + night},
                new String[] {"COURT_SOON:14", "COURT_DEADLINE_SOON", "status = 'CONFIRMED_REFUSAL'"
                        + " AND confirmed_refusal_on + INTERVAL 2 MONTH - INTERVAL 14 DAY < " + night},
                new String[] {"COURT_SOON:3", "COURT_DEADLINE_SOON", "status = 'CONFIRMED_REFUSAL'"
                        + " AND confirmed_refusal_on + INTERVAL 2 MONTH - INTERVAL 3 DAY < " + night});
        for (String[] d : done) {
            jdbc.sql(String.format(earlier, d[0], d[1], d[2])).params(yesterday, digest).update();
        }
        jdbc.sql("DROP TABLE bench_town").update();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

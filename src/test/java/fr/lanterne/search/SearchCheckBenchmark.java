package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.ingest.Documents;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the start-up check of the search index against the database costs ({@link Search#check()}): on 100,000
 * documents of 10 pages each (a million pages), the pages per document read from the index's doc values, the page
 * counts read from the document table, and the comparison, with 100 documents missing from the index and 100 the
 * database does not have. Baseline, same run: the cheapest check there is, the two totals
 * ({@code SELECT SUM(page_count)} and the index's page count), which can tell that something is wrong but not what.
 * Run: {@code mvn -Pbench verify -Dit.test=SearchCheckBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "lanterne.data-dir=target/bench-search-check",
        "lanterne.database.binaries-dir=target/mariadb-binaries",
        "lanterne.scheduling.enabled=false",
        "lanterne.requests.mailbox=demandes@lanterne.test"})
class SearchCheckBenchmark {

    private static final int DOCUMENTS = 100_000;
    private static final int PAGES = 10;
    private static final int GAPS = 100;
    private static final int ROUNDS = 5;

    @Autowired
    Documents documents;

    @Autowired
    SearchQueue queue;

    @Autowired
    PublishedVersions publishedVersions;

    @Autowired
    DocumentPages pages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void check_a_million_pages_against_the_database() {
        documentRows();
        Path folder = dataDirectory.folder("search-check-" + System.nanoTime());
        try (LuceneSearchIndex index = new LuceneSearchIndex(folder)) {
            long start = System.nanoTime();
            fill(index);
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            DocumentIndexer indexer = new DocumentIndexer(queue, pages, documents, publishedVersions,
                    new StaticListableBeanFactory(Map.of("searchIndex", index)).getBeanProvider(SearchIndex.class),
                    transactions);

            List<Double> check = new ArrayList<>();
            List<Double> fromIndex = new ArrayList<>();
            List<Double> fromDatabase = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            for (int round = 0; round <= ROUNDS; round++) {
                jdbc.sql("DELETE FROM search_queue").update();
                long t0 = System.nanoTime();
                long stored = jdbc.sql("SELECT SUM(page_count) FROM document").query(Long.class).single();
                long indexed = index.count();
                long t1 = System.nanoTime();
                Map<String, Integer> perDocument = index.pagesByDocument();
                long t2 = System.nanoTime();
                Map<String, Integer> counts = documents.pageCounts();
                long t3 = System.nanoTime();
                Search.Checked checked = indexer.reconcile();
                long t4 = System.nanoTime();
                assertThat(stored).isEqualTo((long) DOCUMENTS * PAGES);
                assertThat(indexed).isEqualTo((long) DOCUMENTS * PAGES);
                assertThat(perDocument).hasSize(DOCUMENTS);
                assertThat(counts).hasSize(DOCUMENTS);
                assertThat(checked.requeued()).hasSize(round == 0 ? GAPS : 0);
                assertThat(checked.removed()).hasSize(round == 0 ? GAPS : 0);
                if (round == 0) {
                    // The first round repaired the gaps (removed the strays, queued the missing): index them.
                    for (int i = 0; i < GAPS; i++) {
                        index.index(pagesOf(i));
                    }
                    index.commit();
                    continue;
                }
                totals.add((t1 - t0) / 1e9);
                fromIndex.add((t2 - t1) / 1e9);
                fromDatabase.add((t3 - t2) / 1e9);
                check.add((t4 - t3) / 1e9);
            }
            jdbc.sql("DELETE FROM search_queue").update();
            BenchmarkReport.write("search-check", List.of(
                    BenchmarkReport.row("Start-up check, whole (Search.check: both reads, comparison, repairs)", check),
                    BenchmarkReport.row("  pages per document from the index's doc values", fromIndex),
                    BenchmarkReport.row("  page counts from the document table", fromDatabase),
                    BenchmarkReport.row("Baseline: the two totals (SUM(page_count), index page count)", totals)),
                    String.format(Locale.ROOT, "%,d documents, %,d pages; the first (unmeasured) round found and "
                                    + "repaired %d missing and %d stray documents. Ratio check / baseline: %s. "
                                    + "Index filled in %.1f s. Load at the end: %s.", DOCUMENTS, DOCUMENTS * PAGES,
                            GAPS, GAPS, BenchmarkReport.ratio(check, totals), fillSeconds, load()));
        }
    }

    /** Document rows 0..DOCUMENTS-1, as ingest writes them (no page rows: the check reads only page_count). */
    private void documentRows() {
        jdbc.sql("DELETE FROM search_queue").update();
        if (jdbc.sql("SELECT COUNT(*) FROM document").query(Integer.class).single() == DOCUMENTS) {
            return;
        }
        jdbc.sql("DELETE FROM document").update();
        Timestamp now = Timestamp.from(Instant.parse("2026-12-02T10:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            rows.add(new Object[] {sha256(i), 1000, "document-" + i + ".pdf", PAGES, false, "OTHER", now});
            if (rows.size() == 5_000) {
                insert(rows);
            }
        }
        insert(rows);
    }

    private void insert(List<Object[]> rows) {
        batch.batchUpdate("INSERT INTO document (sha256, size, file_name, page_count, needs_ocr, kind, "
                + "first_received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    /** Every document but the first GAPS, and GAPS documents the database does not have. */
    private static void fill(LuceneSearchIndex index) {
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            List<PageDocument> chunk = new ArrayList<>();
            for (int i = GAPS; i < DOCUMENTS + GAPS; i++) {
                chunk.addAll(pagesOf(i));
                if (chunk.size() >= SearchIndex.Rebuild.BATCH) {
                    rebuild.add(chunk);
                    chunk.clear();
                }
            }
            rebuild.add(chunk);
            rebuild.complete();
        }
    }

    private static List<PageDocument> pagesOf(int document) {
        List<PageDocument> pages = new ArrayList<>(PAGES);
        for (int page = 1; page <= PAGES; page++) {
            pages.add(new PageDocument(sha256(document), page, "Page " + page + " du document " + document
                    + " : vidéoprotection urbaine.", "Document " + document, "mairie-13004", null, "13004", "Arles",
                    "13", "93", List.of(), List.of(), "OTHER", null, null, null));
        }
        return pages;
    }

    private static String sha256(int document) {
        return String.format(Locale.ROOT, "%064x", document);
    }

    private static String load() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}

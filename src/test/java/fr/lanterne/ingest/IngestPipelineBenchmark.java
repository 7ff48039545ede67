package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.ingest.DocumentRecords.Item;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.search.Search;
import fr.lanterne.search.TestIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages per second through the whole ingest pipeline ({@link Documents#ingest(Path, Source)}: extraction, SHA-256,
 * blob store, database rows, classification, search index) against raw Tika on the same files, in the same run, both
 * on {@link BenchmarkCorpus#THREADS} threads. Each round forgets the previous round's documents first (rows, stored
 * files, index entries), so that every file is really taken in again rather than found a duplicate.
 * OCR as in production (on, when Tesseract is installed): Tika then OCRs the pages that have next to no text, which
 * raw Tika, OCR off, does not; {@code -Dlanterne.ingest.ocr=false} measures the pipeline doing the same work as the
 * baseline. Corpus and baseline: {@link BenchmarkCorpus}.
 * Run: {@code OMP_THREAD_LIMIT=1 mvn -Pbench verify -Dit.test=IngestPipelineBenchmark [-Dlanterne.ingest.ocr=false]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "lanterne.data-dir=target/bench-ingest",
        "lanterne.database.binaries-dir=target/mariadb-binaries",
        "lanterne.scheduling.enabled=false",
        "lanterne.requests.mailbox=demandes@lanterne.test"})
class IngestPipelineBenchmark {

    private static final int ROUNDS = 5;

    @Autowired
    Documents documents;

    @Autowired
    Search search;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    IngestSettings settings;

    @Autowired
    OcrSupport ocr;

    private record Round(double rawSeconds, double pipelineSeconds, String load) {
    }

    @Test
    void whole_pipeline_against_raw_tika() throws Exception {
        List<Path> corpus = BenchmarkCorpus.files();
        AutoDetectParser raw = new AutoDetectParser();
        // One pass of each first, to warm the JIT up and to know the page count.
        int pages = BenchmarkCorpus.onThreads(corpus, file -> BenchmarkCorpus.rawTikaPages(raw, file));
        forget();
        assertThat(ingestAll(corpus)).isEqualTo(pages);

        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            forget();
            long start = System.nanoTime();
            assertThat(BenchmarkCorpus.onThreads(corpus, file -> BenchmarkCorpus.rawTikaPages(raw, file)))
                    .isEqualTo(pages);
            double rawSeconds = seconds(start);
            start = System.nanoTime();
            assertThat(ingestAll(corpus)).isEqualTo(pages);
            double pipelineSeconds = seconds(start);
            assertEverythingKept(corpus.size(), pages);
            rounds.add(new Round(rawSeconds, pipelineSeconds, loadAverage()));
        }
        report(corpus.size(), pages, rounds);
    }

    private int ingestAll(List<Path> corpus) throws Exception {
        return BenchmarkCorpus.onThreads(corpus, file -> {
            Report report = documents.ingest(file, new Source(DocumentRecords.Channel.FOLDER,
                    file.toAbsolutePath().normalize().toString(), null, "benchmark"));
            assertThat(report.items()).extracting(Item::result).containsExactly(Result.INGESTED);
            return report.items().get(0).pages();
        });
    }

    /** Every file stored, every page in the database and searchable, nothing left in the indexing queue. */
    private void assertEverythingKept(int files, int pages) throws IOException {
        assertThat(count("SELECT COUNT(*) FROM document")).isEqualTo(files);
        assertThat(count("SELECT COUNT(*) FROM document_page")).isEqualTo(pages);
        awaitCommitted();
        assertThat(count("SELECT COUNT(*) FROM search_queue")).isZero();
        assertThat(search.status().pages()).isEqualTo(pages);
        try (Stream<Path> stored = Files.walk(dataDirectory.folder("documents"))) {
            assertThat(stored.filter(Files::isRegularFile).count()).isEqualTo(files);
        }
    }

    /** A document leaves the queue once an index commit holds it, on the indexer's commit thread. */
    private void awaitCommitted() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count("SELECT COUNT(*) FROM search_queue") > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    /** Forgets every document: index entries, rows, stored files. */
    private void forget() throws IOException {
        awaitCommitted();
        jdbc.sql("SELECT sha256 FROM document").query(String.class).list().forEach(sha256 -> TestIndex.forget(context, sha256));
        for (String table : List.of("search_queue", "document_link", "document_mention", "document_page",
                "document_publication", "document", "intake")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        try (Stream<Path> stored = Files.walk(dataDirectory.folder("documents"))) {
            for (Path path : stored.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dataDirectory.folder("documents"))) {
                    Files.delete(path);
                }
            }
        }
        assertThat(search.status().pages()).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void report(int files, int pages, List<Round> rounds) {
        StringBuilder table = new StringBuilder("| run | raw Tika (pages/s) | whole pipeline (pages/s) | ratio | load |\n"
                + "|---|---:|---:|---:|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            table.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %s |%n", i + 1,
                    pages / round.rawSeconds(), pages / round.pipelineSeconds(),
                    round.rawSeconds() / round.pipelineSeconds(), round.load()));
        }
        List<Double> rawSeconds = rounds.stream().map(Round::rawSeconds).toList();
        List<Double> pipelineSeconds = rounds.stream().map(Round::pipelineSeconds).toList();
        long ocred = count("SELECT COALESCE(SUM(ocred_pages), 0) FROM document");
        BenchmarkReport.write((settings.ocrEnabled() ? "ingest-pipeline" : "ingest-pipeline-no-ocr")
                + (BenchmarkCorpus.THREADS == 2 ? "" : "-" + BenchmarkCorpus.THREADS + "-threads"), List.of(
                        BenchmarkReport.row(String.format(Locale.ROOT, "Raw Tika: %d PDFs, %d pages, %d threads", files,
                                pages, BenchmarkCorpus.THREADS), rawSeconds),
                        BenchmarkReport.row(String.format(Locale.ROOT, "Whole pipeline (Documents.ingest): same files, "
                                + "%d threads, OCR %s", BenchmarkCorpus.THREADS, settings.ocrEnabled() ? "on" : "off"),
                                pipelineSeconds)),
                table.toString(),
                String.format(Locale.ROOT, "Pages/s (median): raw Tika %.0f, whole pipeline %.0f; ratio pipeline/raw "
                        + "= %.2f (aim: at least 0.7). Pages OCRed in the last round: %d. Load: 1, 5 and 15-minute "
                        + "load averages at the end of each round. OCR: %s Environment: OMP_THREAD_LIMIT=%s.",
                        pages / BenchmarkReport.median(rawSeconds), pages / BenchmarkReport.median(pipelineSeconds),
                        BenchmarkReport.median(rawSeconds) / BenchmarkReport.median(pipelineSeconds), ocred,
                        settings.ocrEnabled() ? ocr.describe() : "off.", System.getenv("OMP_THREAD_LIMIT")));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

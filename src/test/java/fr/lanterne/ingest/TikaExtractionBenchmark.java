package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.bench.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;

/**
 * Pages per second through {@link TextExtractor} against raw Tika (AutoDetectParser and BodyContentHandler, the same
 * PDF settings) on the same corpus, in the same run, 2 threads each; and OCR seconds per page through the extractor
 * against the {@code tesseract} command alone on the same page image.
 * Corpus and baseline: {@link BenchmarkCorpus}. Run: {@code mvn -Pbench verify -Dit.test=TikaExtractionBenchmark}.
 */
class TikaExtractionBenchmark {

    private static final int ROUNDS = 5;
    private static final int OCR_ROUNDS = 3;

    @Test
    void extraction_throughput_against_raw_tika() throws Exception {
        List<Path> corpus = BenchmarkCorpus.files();

        AutoDetectParser raw = new AutoDetectParser();
        // Text throughput, OCR off on both sides: OCR is measured on its own below.
        TextExtractor extractor = new TextExtractor(IngestSettings.defaults().withOcrEnabled(false),
                OcrSupport.detect("fra+eng"));
        int pages = BenchmarkCorpus.onThreads(corpus, file -> BenchmarkCorpus.rawTikaPages(raw, file));
        int extractorPages = BenchmarkCorpus.onThreads(corpus, file -> extractorPages(extractor, file));
        assertThat(extractorPages).isEqualTo(pages);

        List<Double> rawSeconds = new ArrayList<>();
        List<Double> extractorSeconds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate which goes first, so that neither always runs on a warmer or a more fragmented heap.
            if (round % 2 == 0) {
                rawSeconds.add(timed(() -> BenchmarkCorpus.onThreads(corpus, file -> BenchmarkCorpus.rawTikaPages(raw, file))));
                extractorSeconds.add(timed(() -> BenchmarkCorpus.onThreads(corpus, file -> extractorPages(extractor, file))));
            } else {
                extractorSeconds.add(timed(() -> BenchmarkCorpus.onThreads(corpus, file -> extractorPages(extractor, file))));
                rawSeconds.add(timed(() -> BenchmarkCorpus.onThreads(corpus, file -> BenchmarkCorpus.rawTikaPages(raw, file))));
            }
        }
        List<BenchmarkReport.Row> rows = new ArrayList<>(List.of(
                BenchmarkReport.row(String.format(Locale.ROOT, "Raw Tika: %d PDFs, %d pages, %d threads",
                        corpus.size(), pages, BenchmarkCorpus.THREADS), rawSeconds),
                BenchmarkReport.row(String.format(Locale.ROOT, "TextExtractor: same files, pages split, limits, "
                        + "%d threads", BenchmarkCorpus.THREADS), extractorSeconds)));
        List<String> notes = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "Pages/s (median): raw Tika %.0f, TextExtractor %.0f; ratio TextExtractor/raw "
                        + "= %.2f (aim: at least 0.7).", pages / BenchmarkReport.median(rawSeconds),
                        pages / BenchmarkReport.median(extractorSeconds),
                        BenchmarkReport.median(rawSeconds) / BenchmarkReport.median(extractorSeconds))));
        ocr(rows, notes);
        BenchmarkReport.write("tika-extraction", rows, notes.toArray(String[]::new));
    }

    private static void ocr(List<BenchmarkReport.Row> rows, List<String> notes) throws Exception {
        OcrSupport ocr = OcrSupport.detect("fra+eng");
        if (!ocr.available()) {
            notes.add("OCR not measured: " + ocr.describe());
            return;
        }
        Path image = Files.createTempFile("lanterne-scan", ".png");
        Path output = Files.createTempFile("lanterne-scan", "");
        try {
            ImageIO.write(TestDocuments.scannedPage(false), "png", image.toFile());
            byte[] scan = TestDocuments.scannedPdf(false);
            TextExtractor extractor = new TextExtractor(IngestSettings.defaults(), ocr);
            List<Double> tesseract = new ArrayList<>();
            List<Double> tesseractAllThreads = new ArrayList<>();
            List<Double> lanterne = new ArrayList<>();
            tesseract(image, output, true);
            for (int round = 0; round < OCR_ROUNDS; round++) {
                long start = System.nanoTime();
                tesseract(image, output, true);
                tesseract.add(seconds(start));
                start = System.nanoTime();
                tesseract(image, output, false);
                tesseractAllThreads.add(seconds(start));
                start = System.nanoTime();
                Outcome outcome = extractor.extract("scan.pdf", scan);
                lanterne.add(seconds(start));
                assertThat(((Outcome.Extracted) outcome).extraction().pages().get(0).ocred()).isTrue();
            }
            rows.add(BenchmarkReport.row("OCR, one A4 page at 300 dpi: tesseract -l fra+eng alone, OMP_THREAD_LIMIT=1",
                    tesseract));
            rows.add(BenchmarkReport.row("OCR, same page: tesseract alone, OMP_THREAD_LIMIT unset", tesseractAllThreads));
            rows.add(BenchmarkReport.row("OCR, same page as a scanned PDF through TextExtractor (render + tesseract)",
                    lanterne));
            notes.add("OCR: " + ocr.describe() + " Environment of this run: OMP_THREAD_LIMIT="
                    + System.getenv("OMP_THREAD_LIMIT") + ".");
        } finally {
            Files.deleteIfExists(image);
            Files.deleteIfExists(Path.of(output + ".txt"));
            Files.deleteIfExists(output);
        }
    }

    private static void tesseract(Path image, Path output, boolean oneThread) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), output.toString(), "-l", "fra+eng",
                "--psm", "1").redirectErrorStream(true);
        if (oneThread) {
            builder.environment().put("OMP_THREAD_LIMIT", "1");
        } else {
            builder.environment().remove("OMP_THREAD_LIMIT");
        }
        Process process = builder.start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(Path.of(output + ".txt"))).contains("conseil municipal");
    }

    private static int extractorPages(TextExtractor extractor, Path file) {
        Outcome outcome = extractor.extract(file);
        if (!(outcome instanceof Outcome.Extracted extracted)) {
            throw new IllegalStateException(file + ": " + outcome);
        }
        return extracted.extraction().pages().size();
    }

    private interface Work {
        int run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

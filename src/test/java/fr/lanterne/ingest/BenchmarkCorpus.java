package fr.lanterne.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The PDFs fetched by {@code bench/fetch-corpus.sh}, and the baseline the ingest benchmarks measure against: raw Tika
 * (AutoDetectParser and BodyContentHandler, OCR off) on the same files, on {@link #THREADS} threads.
 */
final class BenchmarkCorpus {

    /** Two by default, as many as this machine has cores; {@code -Dbench.threads=1} as the ingest job runs. */
    static final int THREADS = Integer.getInteger("bench.threads", 2);

    private BenchmarkCorpus() {
    }

    /** The corpus, largest file first, so that the threads finish together rather than waiting on one big file. */
    static List<Path> files() throws IOException {
        Path folder = Path.of("bench", "corpus");
        List<Path> corpus;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            corpus = files.filter(p -> p.toString().endsWith(".pdf"))
                    .sorted(Comparator.comparingLong(BenchmarkCorpus::size).reversed()).toList();
        }
        assumeTrue(!corpus.isEmpty(), "No corpus: run bench/fetch-corpus.sh first");
        return corpus;
    }

    /** Raw Tika on one file; returns its page count. */
    static int rawTikaPages(AutoDetectParser parser, Path file) {
        Metadata metadata = new Metadata();
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, new BodyContentHandler(-1), metadata, context);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e, e);
        }
        return metadata.getInt(PagedText.N_PAGES);
    }

    /** Runs {@code pagesOf} on every file on {@link #THREADS} threads; returns the pages counted. */
    static int onThreads(List<Path> corpus, ToIntFunction<Path> pagesOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Path file : corpus) {
                results.add(pool.submit(() -> pagesOf.applyAsInt(file)));
            }
            int pages = 0;
            for (Future<Integer> result : results) {
                pages += result.get();
            }
            return pages;
        } finally {
            pool.shutdown();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

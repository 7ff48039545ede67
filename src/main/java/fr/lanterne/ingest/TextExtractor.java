package fr.lanterne.ingest;

import fr.lanterne.shared.FrenchCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * Reads the text of one received file with Apache Tika: page by page for PDFs (citations need page numbers), with its
 * metadata, OCR of the pages that have no text layer when Tesseract is installed, and the limits of
 * {@link IngestSettings}. Never throws for a bad file: the answer is {@link Outcome.Extracted} or
 * {@link Outcome.Quarantined}, with a reason a volunteer can act on.
 *
 * <p>Each parse runs on a thread of its own while the caller waits at most the timeout (plus the OCR allowance). The
 * parse checks the time at every piece of content it writes and stops itself; a parse stuck where it writes nothing
 * (PDFBox ignores interruption) is abandoned: the caller gets {@link QuarantineReason#TIMEOUT} at once and the thread
 * ends on its own later. Abandoned parses still running are counted, and past
 * {@link IngestSettings#maxStuckParses()} extraction is refused, for a JVM full of stuck threads needs a restart.
 * Tika's ForkParser (or tika-pipes) would put each parse in a child JVM with a hard memory cap and a real kill; measured
 * on the benchmark corpus it ran about 3.5 times slower than parsing in process (SAX events and bytes cross a pipe),
 * so it is not used here: run the ingest job in a JVM of its own to contain a parse that exhausts memory.
 *
 * <p>OCR runs the {@code tesseract} command, which Tika starts without a way to set its environment: set
 * {@code OMP_THREAD_LIMIT=1} in Lanterne's environment, or each Tesseract process spreads over every core and two
 * parallel extractions thrash ({@link OcrSupport#describe()} warns when it is missing).
 *
 * <p>Thread-safe: one instance serves the whole job.
 */
final class TextExtractor {

    private static final AtomicLong THREAD_NUMBERS = new AtomicLong();
    private static final long GRACE_MILLIS = 2_000;

    private final IngestSettings settings;
    private final OcrSupport ocr;
    private final boolean ocrOn;
    private final Parser parser;
    private final TypeDetection types;
    private final EncodingDetector encodingDetector;
    private final AtomicInteger stuckParses = new AtomicInteger();

    public TextExtractor(IngestSettings settings, OcrSupport ocr) {
        this(settings, ocr, null);
    }

    /** With another parser than Tika's AutoDetectParser: for tests of what happens when a parser misbehaves. */
    TextExtractor(IngestSettings settings, OcrSupport ocr, Parser parser) {
        this.settings = settings;
        this.ocr = ocr;
        this.ocrOn = settings.ocrEnabled() && ocr.available();
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.parser = parser != null ? parser : new AutoDetectParser(tika);
        this.types = new TypeDetection(tika);
        this.encodingDetector = new Windows1252ForLatin1(tika.getEncodingDetector());
    }

    public IngestSettings settings() {
        return settings;
    }

    public OcrSupport ocr() {
        return ocr;
    }

    /** Why scanned pages are not OCRed here, in French; empty when they are. */
    public Optional<String> withoutOcr() {
        if (ocrOn) {
            return Optional.empty();
        }
        return Optional.of(settings.ocrEnabled() ? ocr.describe()
                : "L'OCR est désactivé (lanterne.ingest.ocr=false) : les pages scannées ne sont pas lues.");
    }

    /** Parses abandoned after their timeout whose threads have not ended yet. */
    public int stuckParses() {
        return stuckParses.get();
    }

    /** What a file is, from its content; whether its name says otherwise. */
    public DetectedType detect(String fileName, byte[] content) {
        try {
            return types.detect(Content.of(fileName, content)).type();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Outcome extract(String fileName, byte[] content) {
        return extract(Content.of(fileName, content));
    }

    public Outcome extract(Path file) {
        try {
            return extract(Content.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    Outcome extract(Content content) {
        if (content.size() == 0) {
            return new Outcome.Quarantined(QuarantineReason.EMPTY,
                    "Le fichier « " + content.name() + " » est vide (0 octet).");
        }
        if (content.size() > settings.maxFileBytes()) {
            return new Outcome.Quarantined(QuarantineReason.TOO_LARGE, String.format(Locale.FRANCE,
                    "Le fichier « %s » pèse %s (limite : %s).", content.name(), Sizes.human(content.size()),
                    Sizes.human(settings.maxFileBytes())));
        }
        if (stuckParses.get() >= settings.maxStuckParses()) {
            throw new IllegalStateException(stuckParses.get() + " parses are still running after their timeout; "
                    + "restart the ingest job (and look at the files quarantined for TIMEOUT)");
        }
        TypeDetection.Detection detection;
        try {
            detection = types.detect(content);
        } catch (IOException e) {
            return failure(content, null, e, List.of(), new Metadata());
        }
        Optional<String> refused = types.refusal(content, detection);
        if (refused.isPresent()) {
            return new Outcome.Quarantined(QuarantineReason.TYPE_REFUSED, refused.get());
        }
        return parse(content, detection.type());
    }

    private Outcome parse(Content content, DetectedType type) {
        ParseBudget budget = new ParseBudget(settings.timeout().toNanos(), settings.ocrTimeoutPerPage().toNanos());
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, content.name());
        PageCollector collector = new PageCollector(metadata, budget, settings);
        ParseContext context = context(budget);

        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try (TikaInputStream in = content.open()) {
                parser.parse(in, collector, metadata, context);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                if (budget.finish()) {
                    stuckParses.decrementAndGet();
                }
            }
        }, "lanterne-extract-" + THREAD_NUMBERS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();

        Throwable failure = await(done, budget);
        if (failure == null && !done.isDone()) {
            budget.cancel();
            worker.interrupt();
            failure = awaitGrace(done);
            if (failure == null && !done.isDone()) {
                stuckParses.incrementAndGet();
                if (!budget.abandon()) {
                    stuckParses.decrementAndGet();
                }
                Extraction partial = extraction(content, type, metadata, collector.completedPages(), List.of());
                return new Outcome.Quarantined(QuarantineReason.TIMEOUT, String.format(Locale.FRANCE,
                        "La lecture de « %s » a été abandonnée après %,d secondes (limite : %,d s, plus le temps "
                                + "accordé à l'OCR).", content.name(), budget.elapsedMillis() / 1000,
                        settings.timeout().toSeconds()), partial.characters() > 0 ? partial : null);
            }
        }
        List<PageCollector.RawPage> pages = collector.pages();
        if (failure == null && collector.stopped() != null) {
            failure = collector.stopped();
        }
        if (failure != null) {
            return failure(content, type, failure, pages, metadata);
        }
        return finish(content, type, metadata, pages);
    }

    /** Waits for the parse within its budget, which OCR may extend while we wait. Null when it ran out of time. */
    private static Throwable await(CompletableFuture<Void> done, ParseBudget budget) {
        boolean interrupted = false;
        try {
            while (true) {
                long remaining = budget.remainingNanos();
                if (remaining <= 0) {
                    return null;
                }
                try {
                    done.get(remaining, TimeUnit.NANOSECONDS);
                    return null;
                } catch (TimeoutException e) {
                    // the budget may have grown meanwhile: look again
                } catch (ExecutionException e) {
                    return e.getCause();
                } catch (InterruptedException e) {
                    interrupted = true;
                    budget.cancel();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Throwable awaitGrace(CompletableFuture<Void> done) {
        try {
            done.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private ParseContext context(ParseBudget budget) {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocrOn ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setMaxMainMemoryBytes(settings.pdfMemoryBytes());
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setLanguage(settings.ocrLanguages());
        // Automatic segmentation with orientation detection: scans fed upside down or sideways are read too.
        tesseract.setPageSegMode("1");
        tesseract.setTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, settings.ocrTimeoutPerPage().toSeconds()));
        tesseract.setSkipOcr(!ocrOn);
        context.set(TesseractOCRConfig.class, tesseract);
        context.set(EncodingDetector.class, encodingDetector);
        context.set(Parser.class, new OcrGate(parser, budget, settings.maxOcrPages()));
        return context;
    }

    private Outcome finish(Content content, DetectedType type, Metadata metadata, List<PageCollector.RawPage> raw) {
        List<String> notices = new ArrayList<>();
        if (type.extensionLies()) {
            notices.add("L'extension du nom « " + content.name() + " » annonce " + type.byExtension()
                    + " mais le contenu est " + type.mediaType() + " : lu d'après son contenu.");
        }
        String encoding = metadata.get(Metadata.CONTENT_ENCODING);
        // A detector names some charset for pure ASCII too (windows-1252, ISO-8859-1): nothing was converted then.
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("US-ASCII")
                && !isAscii(content)) {
            notices.add("Le texte était encodé en " + encoding + " ; il a été converti.");
        }
        Extraction extraction = extraction(content, type, metadata, raw, notices);
        if (extraction.needsOcr()) {
            notices.add(ocrNotice(extraction));
            extraction = new Extraction(extraction.fileName(), type, extraction.metadata(), extraction.pages(), notices);
        }
        if (TikaMetadata.onlyEmptyParser(metadata)) {
            return new Outcome.Quarantined(QuarantineReason.UNSUPPORTED, "Le fichier « " + content.name()
                    + " » est de type " + type.mediaType() + ", que Lanterne ne sait pas lire.");
        }
        if (PdfInspection.truncated(type, content)) {
            return new Outcome.Quarantined(QuarantineReason.TRUNCATED, String.format(Locale.FRANCE,
                    "Le PDF « %s » s'arrête avant sa fin (pas de marque de fin de fichier) ; %s.", content.name(),
                    FrenchCount.of(extraction.pages().size(), "page a pu être lue", "pages ont pu être lues")),
                    extraction);
        }
        return new Outcome.Extracted(extraction);
    }

    private static boolean isAscii(Content content) {
        try {
            return content.isAscii();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + content.name(), e);
        }
    }

    private String ocrNotice(Extraction extraction) {
        long count = extraction.pages().stream().filter(Page::needsOcr).count();
        String pages = count == 1 ? "1 page est une image" : count + " pages sont des images";
        if (!settings.ocrEnabled()) {
            return pages + " sans texte : l'OCR est désactivé ; document conservé, à océriser.";
        }
        if (!ocr.available()) {
            return pages + " sans texte, à océriser : " + ocr.describe();
        }
        return pages + " sans texte que l'OCR n'a pas " + (count == 1 ? "lue" : "lues") + " (limite de " + settings.maxOcrPages()
                + " pages océrisées par fichier, ou échec de Tesseract) ; document conservé, à océriser.";
    }

    private Extraction extraction(Content content, DetectedType type, Metadata metadata,
            List<PageCollector.RawPage> raw, List<String> notices) {
        if (raw.isEmpty()) {
            raw = List.of(new PageCollector.RawPage("", false));
        }
        Set<Integer> emptyPages = new TreeSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).ocred() && raw.get(i).text().isBlank()) {
                emptyPages.add(i + 1);
            }
        }
        Set<Integer> images = Set.of();
        if (!emptyPages.isEmpty()) {
            if (type.is("application/pdf")) {
                images = PdfInspection.pagesWithImages(content, emptyPages);
            } else if (type.mediaType().startsWith("image/")) {
                images = emptyPages;
            }
        }
        List<Page> pages = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            PageCollector.RawPage page = raw.get(i);
            pages.add(new Page(i + 1, page.text(), page.ocred(), images.contains(i + 1)));
        }
        return new Extraction(content.name(), type, TikaMetadata.of(metadata), pages, notices);
    }

    private Outcome failure(Content content, DetectedType type, Throwable thrown, List<PageCollector.RawPage> raw,
            Metadata metadata) {
        Extraction partial = null;
        if (type != null && raw.stream().anyMatch(p -> !p.text().isBlank())) {
            partial = extraction(content, type, metadata, raw, List.of());
        }
        return ParseFailures.quarantined(content, type, thrown, partial);
    }
}

package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.bench.BenchmarkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * What redaction costs, and how good the proposals are. Speed: the twenty labelled letters (one A4 page each), every
 * proposal accepted, redacted by {@link Redactor} (words read from the text layer, page rendered at 150 dpi, boxes
 * painted, image stored losslessly, text layer rebuilt, file written); baseline, same run: PDFBox alone opening
 * each file and rendering the same page at the same dpi. Then three of them scanned at 300 dpi, where redaction
 * includes Tesseract reading the page (fra+eng, 300 dpi), against the same rendering baseline. Quality: the
 * proposals' precision and recall against the labels ({@link LabelledLetters}), held-out letters apart.
 * Run: {@code OMP_THREAD_LIMIT=1 mvn -Pbench verify -Dit.test=RedactionBenchmark}.
 */
class RedactionBenchmark {

    private static final int ROUNDS = 5;
    private static final int SCAN_ROUNDS = 2;
    private static final int SCANS = 3;
    private static final int DPI = 150;

    private final RedactionSettings settings = RedactionSettings.defaults().withDpi(DPI);
    private final DocumentWords words = new DocumentWords(settings);
    private final RedactionProposals proposals = new RedactionProposals();
    private final Redactor redactor = new Redactor(settings);

    @Test
    void redaction_against_rendering_alone_and_the_proposals_against_the_labels() throws Exception {
        List<LabelledLetters.Letter> letters = LabelledLetters.development();
        LabelledLetters.Score heldOut = new LabelledLetters.Score();
        for (LabelledLetters.Letter letter : LabelledLetters.heldOut()) {
            List<PageText> pages = words.read(letter.pdf());
            LabelledLetters.score(letter, pages, proposals.propose(pages), heldOut);
        }
        List<byte[]> pdfs = new ArrayList<>();
        List<List<PdfRect>> boxes = new ArrayList<>();
        LabelledLetters.Score score = new LabelledLetters.Score();
        List<Double> proposing = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (LabelledLetters.Letter letter : letters) {
                byte[] pdf = letter.pdf();
                List<PageText> pages = words.read(pdf);
                List<RedactionProposal> found = proposals.propose(pages);
                if (round == 0) {
                    pdfs.add(pdf);
                    boxes.add(found.stream().flatMap(p -> p.boxes().stream()).toList());
                    LabelledLetters.score(letter, pages, found, score);
                }
            }
            proposing.add((System.nanoTime() - start) / 1e9);
        }

        List<Double> redaction = new ArrayList<>();
        List<Double> rendering = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            redaction.add(time(() -> {
                for (int i = 0; i < pdfs.size(); i++) {
                    RedactedPdf redacted = redactor.redact(pdfs.get(i), boxes.get(i));
                    assertThat(redacted.pages()).isEqualTo(1);
                }
            }));
            rendering.add(time(() -> pdfs.forEach(pdf -> render(pdf, DPI))));
        }

        List<Double> scanRedaction = new ArrayList<>();
        List<Double> scanRendering = new ArrayList<>();
        boolean ocr = words.ocrAvailable();
        if (ocr) {
            List<byte[]> scans = new ArrayList<>();
            List<List<PdfRect>> scanBoxes = new ArrayList<>();
            for (int i = 0; i < SCANS; i++) {
                byte[] scan = TestPdfs.scanned(pdfs.get(i), 300);
                scans.add(scan);
                scanBoxes.add(proposals.propose(words.read(scan)).stream().flatMap(p -> p.boxes().stream()).toList());
            }
            for (int round = 0; round < SCAN_ROUNDS; round++) {
                scanRedaction.add(time(() -> {
                    for (int i = 0; i < scans.size(); i++) {
                        redactor.redact(scans.get(i), scanBoxes.get(i));
                    }
                }));
                scanRendering.add(time(() -> scans.forEach(scan -> render(scan, DPI))));
            }
        }

        List<BenchmarkReport.Row> rows = new ArrayList<>(List.of(
                BenchmarkReport.row("Redact 20 text pages (all proposals accepted), 150 dpi", redaction),
                BenchmarkReport.row("Baseline: PDFBox opens and renders the same 20 pages, 150 dpi", rendering),
                BenchmarkReport.row("Proposals for the 20 pages (read words, propose)", proposing)));
        String scanNote = "Tesseract not installed: scans not measured.";
        if (ocr) {
            rows.add(BenchmarkReport.row("Redact " + SCANS + " scanned pages (Tesseract 300 dpi + redaction)",
                    scanRedaction));
            rows.add(BenchmarkReport.row("Baseline: PDFBox renders the same " + SCANS + " scans, 150 dpi",
                    scanRendering));
            scanNote = String.format(Locale.ROOT, "Scans: %.2f pages/s redacted against %.1f pages/s rendered; "
                    + "ratio redaction / rendering %s.", SCANS / BenchmarkReport.median(scanRedaction),
                    SCANS / BenchmarkReport.median(scanRendering),
                    BenchmarkReport.ratio(scanRedaction, scanRendering));
        }
        BenchmarkReport.write("redaction", rows,
                String.format(Locale.ROOT, "Text pages: %.1f pages/s redacted against %.1f pages/s rendered by PDFBox "
                                + "alone; ratio redaction / rendering %s.", 20 / BenchmarkReport.median(redaction),
                        20 / BenchmarkReport.median(rendering), BenchmarkReport.ratio(redaction, rendering)),
                scanNote,
                String.format(Locale.ROOT, "Proposals on the 8 held-out letters (written after the detectors, never "
                                + "used to change them): precision %.0f %%, recall %.0f %%.",
                        100 * heldOut.precision(), 100 * heldOut.recall()),
                heldOut.table(),
                String.format(Locale.ROOT, "Proposals on the 20 development letters (used to correct the detectors, "
                                + "so optimistic): precision %.0f %%, recall %.0f %%.",
                        100 * score.precision(), 100 * score.recall()),
                score.table());
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void render(byte[] pdf, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

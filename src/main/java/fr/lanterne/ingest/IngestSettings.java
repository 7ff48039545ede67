package fr.lanterne.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits that keep one pathological file from stalling or killing the ingest job. Every input beyond a limit is
 * quarantined with its reason, never dropped; raising the limit and retrying takes it in.
 *
 * @param maxFileBytes        largest file (or archive entry, or attachment) taken in
 * @param maxPages            most pages in one document
 * @param maxCharacters       most characters of text kept from one document
 * @param timeout             parsing time allowed for one file, OCR excluded
 * @param ocrEnabled          whether pages without a text layer are sent to Tesseract (when it is installed)
 * @param ocrLanguages        Tesseract languages, as on its command line
 * @param ocrTimeoutPerPage   time allowed to Tesseract for one page; each OCRed page extends the file's time by this
 * @param maxOcrPages         most pages OCRed in one file; the rest are marked as needing OCR
 * @param pdfMemoryBytes      memory PDFBox may use for one PDF before it spills to temporary files
 * @param maxArchiveDepth     deepest nesting of containers (an email holding a zip holding a zip is depth 2)
 * @param maxArchiveEntries   most files in one zip archive
 * @param maxExpandedBytes    most bytes a zip archive may expand to, all entries together
 * @param maxCompressionRatio most bytes expanded per byte of archive: beyond it the archive is taken for a zip bomb
 * @param maxAttachments      most attachments in one email
 * @param maxStuckParses      parses abandoned after their timeout that may still be running before extraction is
 *                            refused altogether (each holds a thread and its memory until it ends)
 */
record IngestSettings(
        long maxFileBytes,
        int maxPages,
        int maxCharacters,
        Duration timeout,
        boolean ocrEnabled,
        String ocrLanguages,
        Duration ocrTimeoutPerPage,
        int maxOcrPages,
        long pdfMemoryBytes,
        int maxArchiveDepth,
        int maxArchiveEntries,
        long maxExpandedBytes,
        int maxCompressionRatio,
        int maxAttachments,
        int maxStuckParses) {

    private static final long MIB = 1024L * 1024L;

    public IngestSettings {
        positive(maxFileBytes, "maxFileBytes");
        positive(maxPages, "maxPages");
        positive(maxCharacters, "maxCharacters");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Objects.requireNonNull(ocrLanguages, "ocrLanguages");
        if (!ocrLanguages.matches("[a-z_]+(\\+[a-z_]+)*")) {
            throw new IllegalArgumentException("ocrLanguages must look like fra+eng: " + ocrLanguages);
        }
        Objects.requireNonNull(ocrTimeoutPerPage, "ocrTimeoutPerPage");
        if (ocrTimeoutPerPage.toSeconds() < 1) {
            throw new IllegalArgumentException("ocrTimeoutPerPage must be at least one second: " + ocrTimeoutPerPage);
        }
        if (maxOcrPages < 0) {
            throw new IllegalArgumentException("maxOcrPages must not be negative: " + maxOcrPages);
        }
        positive(pdfMemoryBytes, "pdfMemoryBytes");
        if (maxArchiveDepth < 0) {
            throw new IllegalArgumentException("maxArchiveDepth must not be negative: " + maxArchiveDepth);
        }
        positive(maxArchiveEntries, "maxArchiveEntries");
        positive(maxExpandedBytes, "maxExpandedBytes");
        positive(maxCompressionRatio, "maxCompressionRatio");
        positive(maxAttachments, "maxAttachments");
        positive(maxStuckParses, "maxStuckParses");
    }

    /** Defaults sized for one machine with 2 cores and a few GB of heap, running two extractions at a time. */
    public static IngestSettings defaults() {
        return new IngestSettings(
                100 * MIB,
                2_000,
                20_000_000,
                Duration.ofMinutes(2),
                true,
                "fra+eng",
                Duration.ofMinutes(2),
                200,
                256 * MIB,
                3,
                1_000,
                512 * MIB,
                100,
                100,
                4);
    }

    public IngestSettings withTimeout(Duration newTimeout) {
        return new IngestSettings(maxFileBytes, maxPages, maxCharacters, newTimeout, ocrEnabled, ocrLanguages,
                ocrTimeoutPerPage, maxOcrPages, pdfMemoryBytes, maxArchiveDepth, maxArchiveEntries, maxExpandedBytes,
                maxCompressionRatio, maxAttachments, maxStuckParses);
    }

    public IngestSettings withMaxPages(int newMaxPages) {
        return new IngestSettings(maxFileBytes, newMaxPages, maxCharacters, timeout, ocrEnabled, ocrLanguages,
                ocrTimeoutPerPage, maxOcrPages, pdfMemoryBytes, maxArchiveDepth, maxArchiveEntries, maxExpandedBytes,
                maxCompressionRatio, maxAttachments, maxStuckParses);
    }

    public IngestSettings withOcrEnabled(boolean enabled) {
        return new IngestSettings(maxFileBytes, maxPages, maxCharacters, timeout, enabled, ocrLanguages,
                ocrTimeoutPerPage, maxOcrPages, pdfMemoryBytes, maxArchiveDepth, maxArchiveEntries, maxExpandedBytes,
                maxCompressionRatio, maxAttachments, maxStuckParses);
    }

    public IngestSettings withArchiveLimits(int depth, int entries, long expandedBytes, int compressionRatio) {
        return new IngestSettings(maxFileBytes, maxPages, maxCharacters, timeout, ocrEnabled, ocrLanguages,
                ocrTimeoutPerPage, maxOcrPages, pdfMemoryBytes, depth, entries, expandedBytes, compressionRatio,
                maxAttachments, maxStuckParses);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

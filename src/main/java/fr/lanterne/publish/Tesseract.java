package fr.lanterne.publish;

import fr.lanterne.ingest.OcrSupport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code tesseract} command on one page image and reads its TSV output: one row per word with its pixel box.
 * Each process gets {@code OMP_THREAD_LIMIT=1} (one core per page, several pages may be read at once) and is stopped
 * past the timeout.
 */
final class Tesseract {

    private static final Logger log = LoggerFactory.getLogger(Tesseract.class);

    private final RedactionSettings settings;
    private volatile Boolean available;

    Tesseract(RedactionSettings settings) {
        this.settings = settings;
    }

    /** Whether OCR is on and the command runs with every wanted language; checked once. */
    boolean available() {
        if (!settings.ocrEnabled()) {
            return false;
        }
        Boolean known = available;
        if (known == null) {
            known = detect();
            available = known;
        }
        return known;
    }

    private boolean detect() {
        return OcrSupport.detect(settings.tesseract(), settings.ocrLanguages()).available();
    }

    /**
     * The words Tesseract reads on the image of a page rendered at {@code dpi}, their boxes in points; empty (and
     * logged) when it fails or runs out of time.
     */
    List<PageWord> read(BufferedImage image, int dpi, int pageNumber) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("lanterne-ocr-");
            Path png = folder.resolve("page.png");
            Path tsv = folder.resolve("page.tsv");
            ImageIO.write(image, "png", png.toFile());
            ProcessBuilder builder = new ProcessBuilder(settings.tesseract(), png.toString(),
                    folder.resolve("page").toString(), "-l", settings.ocrLanguages(), "--dpi", String.valueOf(dpi),
                    "--psm", "3", "tsv")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("log.txt").toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(settings.ocrTimeoutPerPage().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("Tesseract stopped after {} on page {}", settings.ocrTimeoutPerPage(), pageNumber);
                return List.of();
            }
            if (process.exitValue() != 0 || !Files.exists(tsv)) {
                log.warn("Tesseract failed on page {} (exit {}): {}", pageNumber, process.exitValue(),
                        Files.readString(folder.resolve("log.txt")).strip());
                return List.of();
            }
            return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8), 72f / dpi, pageNumber);
        } catch (IOException e) {
            log.warn("Tesseract could not read page {}: {}", pageNumber, e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            deleteQuietly(folder);
        }
    }

    /** TSV columns: level page block par line word left top width height conf text; level 5 is a word. */
    static List<PageWord> parse(List<String> rows, float pointsPerPixel, int pageNumber) {
        List<PageWord> words = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5")) {
                continue;
            }
            String text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                float left = Integer.parseInt(cells[6]) * pointsPerPixel;
                float top = Integer.parseInt(cells[7]) * pointsPerPixel;
                float width = Integer.parseInt(cells[8]) * pointsPerPixel;
                float height = Integer.parseInt(cells[9]) * pointsPerPixel;
                if (width > 0 && height > 0) {
                    words.add(new PageWord(pageNumber, text, new PdfRect(pageNumber, left, top, width, height)));
                }
            } catch (NumberFormatException e) {
                log.debug("Tesseract row skipped: {}", row);
            }
        }
        return words;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("Temporary OCR folder {} left behind: {}", folder, e.toString());
        }
    }
}

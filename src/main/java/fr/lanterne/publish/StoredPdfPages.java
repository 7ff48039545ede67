package fr.lanterne.publish;

import fr.lanterne.ingest.Documents;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * The words and the page images of stored PDFs, kept in memory for the few documents being edited: reading words can
 * mean OCR, and the files never change (they are named by their hash).
 */
@Component
class StoredPdfPages {

    private static final int WORDS_KEPT = 16;
    private static final int IMAGES_KEPT = 48;

    private final Documents documents;
    private final DocumentWords reader;
    private final PublicationProperties properties;
    private final Map<String, List<PageText>> words = lru(WORDS_KEPT);
    private final Map<String, byte[]> images = lru(IMAGES_KEPT);

    StoredPdfPages(Documents documents, DocumentWords reader, PublicationProperties properties) {
        this.documents = documents;
        this.reader = reader;
        this.properties = properties;
    }

    /** The words of a received PDF, page by page. */
    List<PageText> words(String sha256) {
        return cached(words, sha256, () -> reader.read(bytes(documents.file(sha256))));
    }

    /** The words of a redacted version. */
    List<PageText> derivedWords(String sha256) {
        return cached(words, sha256, () -> reader.read(bytes(documents.derivedFile(sha256))));
    }

    /** Page {@code page} (1-based) of a received PDF as a PNG, at the editor's resolution. */
    byte[] image(String sha256, int page) {
        return cached(images, sha256 + "/" + page, () -> render(documents.file(sha256), page));
    }

    byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private byte[] render(Path file, int page) {
        try (PDDocument pdf = load(file)) {
            if (pdf.isEncrypted()) {
                throw RedactionRefused.encrypted();
            }
            PageGeometry.of(pdf.getPage(page - 1)).checkRenderable(page, properties.imageDpi());
            BufferedImage image;
            try {
                image = new PDFRenderer(pdf).renderImageWithDPI(page - 1, properties.imageDpi(), ImageType.RGB);
            } catch (IOException | RuntimeException e) {
                throw RedactionRefused.unrenderable(page, "contenu illisible");
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the image of page " + page + " of " + file, e);
        }
    }

    private static PDDocument load(Path file) throws IOException {
        try {
            return Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw RedactionRefused.encrypted();
        } catch (IOException e) {
            throw RedactionRefused.notAPdf();
        }
    }

    private interface Reading<T> {
        T read();
    }

    private static <T> T cached(Map<String, T> cache, String key, Reading<T> reading) {
        synchronized (cache) {
            T found = cache.get(key);
            if (found != null) {
                return found;
            }
        }
        T read = reading.read();
        synchronized (cache) {
            cache.put(key, read);
        }
        return read;
    }

    private static <T> Map<String, T> lru(int size) {
        return new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > size;
            }
        };
    }
}

package fr.lanterne.ingest;

import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The vocabulary detector, built from the registry's vendors and the vocabulary file, and built again only when one of
 * them changed: compiling its patterns for every file took longer than reading a short PDF.
 */
@Component
class VocabularyCache {

    private final Registry registry;
    private final IngestProperties properties;

    /** The detector, and what it was built from. */
    private record CachedDetector(List<Vendor> vendors, Path file, FileTime modified, VocabularyDetector detector) {
    }

    private volatile CachedDetector cachedDetector;

    VocabularyCache(Registry registry, IngestProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** The vendors, products and technologies the document names. */
    List<Mention> mentionsIn(Extraction extraction) {
        return detector().detect(extraction);
    }

    private VocabularyDetector detector() {
        List<Vendor> vendors = registry.vendors();
        Path file = properties.vocabulary();
        FileTime modified;
        try {
            modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vocabulary " + file, e);
        }
        CachedDetector cached = cachedDetector;
        if (cached != null && cached.vendors().equals(vendors) && cached.file().equals(file)
                && Objects.equals(cached.modified(), modified)) {
            return cached.detector();
        }
        Vocabulary.Synonyms synonyms;
        try {
            if (modified != null) {
                synonyms = Vocabulary.Synonyms.load(file);
            } else {
                try (InputStream in = VocabularyCache.class.getResourceAsStream("/config/vocabulary.yml")) {
                    synonyms = Vocabulary.Synonyms.parse(in, "vocabulary.yml (packaged)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vocabulary " + file, e);
        }
        VocabularyDetector detector = new VocabularyDetector(Vocabulary.of(vendors, synonyms));
        cachedDetector = new CachedDetector(vendors, file, modified, detector);
        return detector;
    }
}

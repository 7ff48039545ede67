package fr.lanterne.ingest;

import java.io.IOException;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, with Tika's detector: from its bytes alone, from its name, and both together; whether its name says
 * otherwise than its content; whether Lanterne takes that type in ({@link AcceptedTypes}). Thread-safe.
 */
final class TypeDetection {

    private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;

    private final Detector detector;
    private final MimeTypes mimeTypes;
    private final MediaTypeRegistry registry;

    TypeDetection(TikaConfig tika) {
        this.detector = tika.getDetector();
        this.mimeTypes = tika.getMimeRepository();
        this.registry = tika.getMediaTypeRegistry();
    }

    /** The type read from the bytes alone, the one the name announces, and both together. */
    record Detection(MediaType byContent, MediaType byName, MediaType combined, DetectedType type) {
    }

    Detection detect(Content content) throws IOException {
        MediaType byContent;
        try (TikaInputStream in = content.open()) {
            byContent = detector.detect(in, new Metadata()).getBaseType();
        }
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, content.name());
        MediaType combined;
        try (TikaInputStream in = content.open()) {
            combined = detector.detect(in, named).getBaseType();
        }
        MediaType byName = mimeTypes.getMimeType(content.name()).getType().getBaseType();
        boolean lies = !byName.equals(OCTET_STREAM) && !isGeneric(byContent)
                && !registry.isInstanceOf(byContent, byName) && !registry.isInstanceOf(byName, byContent);
        return new Detection(byContent, byName, combined, new DetectedType(combined.toString(), byName.toString(),
                lies));
    }

    /** Why the file is not taken in, in French; empty when its type is accepted. */
    Optional<String> refusal(Content content, Detection detection) {
        return AcceptedTypes.refusal(content.name(), detection.byContent(), detection.byName(), detection.combined(),
                registry, head(content));
    }

    private static byte[] head(Content content) {
        try (TikaInputStream in = content.open()) {
            return in.readNBytes(8192);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Types that say "some bytes" or "some text": they neither confirm nor contradict an extension. */
    private static boolean isGeneric(MediaType type) {
        return type.equals(OCTET_STREAM) || type.equals(MediaType.TEXT_PLAIN) || type.equals(MediaType.APPLICATION_ZIP);
    }
}

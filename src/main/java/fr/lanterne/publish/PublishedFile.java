package fr.lanterne.publish;

import java.nio.file.Path;

/**
 * The file visitors read: the redacted version, or the file as received.
 *
 * @param redacted whether it is a redacted version
 */
public record PublishedFile(Path path, String fileName, String mediaType, boolean redacted) {
}

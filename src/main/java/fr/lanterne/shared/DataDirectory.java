package fr.lanterne.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder that holds everything Lanterne keeps on disk: the embedded database, stored documents, the search
 * index. Backing it up (with Lanterne stopped) backs up everything.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** A sub-folder owned by one module, created on first use. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + folder + " of the data directory", e);
        }
        return folder;
    }
}

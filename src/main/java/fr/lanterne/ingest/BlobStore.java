package fr.lanterne.ingest;

import fr.lanterne.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Every file received, kept as it came, named by the SHA-256 of its bytes: {@code documents/ab/cd/abcd…}. The same
 * bytes are stored once however often they arrive; a file is written under a temporary name and moved into place,
 * so a crash never leaves half a file under its final name.
 */
@Component
public class BlobStore {

    private final Path root;

    BlobStore(DataDirectory dataDirectory) {
        this.root = dataDirectory.folder("documents");
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    void store(String sha256, byte[] content) {
        write(sha256, partial -> Files.write(partial, content));
    }

    void store(String sha256, Path file) {
        write(sha256, partial -> Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING));
    }

    InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    private interface Writer {
        void write(Path partial) throws IOException;
    }

    private void write(String sha256, Writer writer) {
        Path target = path(sha256);
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(sha256 + ".partial-" + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId());
            writer.write(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + sha256 + " in " + root, e);
        }
    }
}

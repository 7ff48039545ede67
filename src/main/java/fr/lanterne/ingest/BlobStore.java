package fr.lanterne.ingest;

import fr.lanterne.shared.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Every file received, kept as it came, named by the SHA-256 of its bytes: {@code documents/ab/cd/abcd…}. The same
 * bytes are stored once however often they arrive; a file is written under a temporary name and moved into place,
 * so a crash never leaves half a file under its final name.
 */
@Component
class BlobStore {

    /** Between the hash and the writer's process id in the name of a file being written. */
    private static final String PARTIAL = ".partial-";

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

    /** The files stored, and the half-written ones, as a walk of the store finds them. */
    record Walk(List<Path> stored, List<Path> partial) {
    }

    /** Every file under the store: those under their SHA-256, and the half-written ones a crash left. */
    Walk walk() {
        List<Path> stored = new ArrayList<>();
        List<Path> partial = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Walk(stored, partial);
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                if (name.contains(PARTIAL)) {
                    partial.add(file);
                } else if (name.matches("[0-9a-f]{64}") && file.equals(path(name))) {
                    stored.add(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        return new Walk(stored, partial);
    }

    /**
     * Whether a half-written file is a leftover: the process that was writing it is gone (or is this one, started
     * after it was last written: a process id can come back after a restart).
     */
    static boolean abandoned(Path partial, Instant thisProcessStarted) throws IOException {
        String name = partial.getFileName().toString();
        String after = name.substring(name.indexOf(PARTIAL) + PARTIAL.length());
        long pid;
        try {
            pid = Long.parseLong(after.substring(0, after.indexOf('-')));
        } catch (RuntimeException e) {
            return Files.getLastModifiedTime(partial).toInstant().isBefore(thisProcessStarted);
        }
        if (pid == ProcessHandle.current().pid()) {
            return Files.getLastModifiedTime(partial).toInstant().isBefore(thisProcessStarted);
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
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
            Path partial = target.resolveSibling(sha256 + PARTIAL + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId());
            writer.write(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + sha256 + " in " + root, e);
        }
    }
}

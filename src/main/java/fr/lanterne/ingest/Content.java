package fr.lanterne.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.io.TikaInputStream;

/** A received file, in memory or on disk; on disk, Tika and PDFBox read it in place rather than copying it. */
final class Content {

    private final String name;
    private final byte[] bytes;
    private final Path path;
    private final long size;

    private Content(String name, byte[] bytes, Path path, long size) {
        this.name = Objects.requireNonNull(name, "name");
        this.bytes = bytes;
        this.path = path;
        this.size = size;
    }

    static Content of(String name, byte[] bytes) {
        return new Content(name, bytes, null, bytes.length);
    }

    static Content of(Path path) throws IOException {
        Path fileName = path.getFileName();
        return new Content(fileName == null ? path.toString() : fileName.toString(), null, path, Files.size(path));
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    TikaInputStream open() throws IOException {
        return bytes != null ? TikaInputStream.get(bytes) : TikaInputStream.get(path);
    }

    PDDocument loadPdf() throws IOException {
        return bytes != null ? Loader.loadPDF(bytes) : Loader.loadPDF(path.toFile());
    }

    /** The last bytes of the file, where a complete PDF has its end-of-file marker. */
    byte[] tail(int count) throws IOException {
        int n = (int) Math.min(count, size);
        if (bytes != null) {
            return Arrays.copyOfRange(bytes, bytes.length - n, bytes.length);
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            byte[] tail = new byte[n];
            file.seek(size - n);
            file.readFully(tail);
            return tail;
        }
    }

    /** Whether every byte is 7-bit ASCII: such a text reads the same in every charset a detector may name. */
    boolean isAscii() throws IOException {
        if (bytes != null) {
            for (byte b : bytes) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b > 0x7F) {
                    return false;
                }
            }
            return true;
        }
    }
}

package fr.lanterne.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Tika's charset detection, except that ISO-8859-1 is read as windows-1252, its superset: French text written on
 * Windows uses the curly apostrophe, « – » and € that ISO-8859-1 lacks, and real ISO-8859-1 text never uses the bytes
 * where windows-1252 puts them (as in browsers, which read every "ISO-8859-1" page as windows-1252).
 */
final class Windows1252ForLatin1 implements EncodingDetector {

    private static final long serialVersionUID = 1L;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final EncodingDetector delegate;

    Windows1252ForLatin1(EncodingDetector delegate) {
        this.delegate = delegate;
    }

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        Charset detected = delegate.detect(input, metadata);
        return StandardCharsets.ISO_8859_1.equals(detected) ? WINDOWS_1252 : detected;
    }
}

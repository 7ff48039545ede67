package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which files are taken in, decided by what Tika reads in their bytes; the name never lets a file in. */
class AcceptedTypesTest {

    private static TextExtractor extractor;

    @BeforeAll
    static void setUp() {
        extractor = new TextExtractor(IngestSettings.defaults(), OcrSupport.detect("/nonexistent/tesseract", "fra"));
    }

    /** The first 64 bytes of a 64-bit little-endian ELF file: what {@code /bin/ls} starts with. */
    static byte[] elf(int type) {
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = 2; // 64-bit
        header[5] = 1; // little-endian
        header[6] = 1; // version
        header[16] = (byte) type; // 2: executable, 3: shared object (position-independent executables too)
        header[18] = 0x3e; // x86-64
        header[20] = 1;
        return header;
    }

    record Refused(String name, byte[] content, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refused> refused() {
        return List.of(
                new Refused("elf.pdf", elf(2),
                        "« elf.pdf » n’est pas un PDF : c’est un programme (application/x-executable) — type refusé."),
                new Refused("ls.pdf", elf(3),
                        "« ls.pdf » n’est pas un PDF : c’est un programme (application/x-sharedlib) — type refusé."),
                new Refused("ls", elf(2), "« ls » est un programme (application/x-executable) — type refusé."),
                new Refused("facture.docx", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII),
                        "« facture.docx » n’est pas un document Word : c’est un script (application/x-sh) — type "
                                + "refusé."),
                new Refused("archive.zip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0,
                        0, 0, 0}, "« archive.zip » n’est pas une archive zip : c’est une archive d’un format que "
                        + "Lanterne ne déballe pas (seul le zip l’est) (application/gzip) — type refusé."),
                new Refused("bruit.txt", noise(), "« bruit.txt » n’est pas un fichier texte : c’est un contenu de "
                        + "format inconnu (application/octet-stream) — type refusé."));
    }

    private static byte[] noise() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        return noise;
    }

    @ParameterizedTest
    @MethodSource("refused")
    void a_file_whose_bytes_are_not_a_document_is_refused_whatever_its_name(Refused file) {
        Outcome outcome = extractor.extract(file.name(), file.content());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Quarantined.class, q -> {
            assertThat(q.reason()).isEqualTo(QuarantineReason.TYPE_REFUSED);
            assertThat(q.detail()).isEqualTo(file.reason());
            assertThat(q.message()).contains("conservé");
        });
    }

    record Accepted(String name, byte[] content, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Accepted> accepted() {
        byte[] text = "Vidéoprotection : 12 caméras.\\n".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Accepted("deliberation.pdf", TestDocuments.textPdf("D", List.of(List.of("Délibération"))),
                        "application/pdf"),
                // The name lies but the bytes are a document: read by what they are, with a notice.
                new Accepted("deliberation.docx", TestDocuments.textPdf("D", List.of(List.of("Délibération"))),
                        "application/pdf"),
                new Accepted("note.txt", text, "text/plain"),
                new Accepted("liste.csv", "commune;caméras\\nNîmes;12\\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv"),
                new Accepted("note.sh", text, "application/x-sh"),
                new Accepted("arrete.txt", "L’arrêté – 12 000 €.\n".getBytes(java.nio.charset.Charset.forName(
                        "windows-1252")), "text/plain"),
                new Accepted("page.html", "<!DOCTYPE html><html><body><p>Caméras</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8), "text/html"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void documents_are_taken_in(Accepted file) {
        Outcome outcome = extractor.extract(file.name(), file.content());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Extracted.class,
                e -> assertThat(e.extraction().type().mediaType()).isEqualTo(file.type()));
    }
}

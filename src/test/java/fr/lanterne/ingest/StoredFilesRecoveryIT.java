package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A crash between storing a file and recording it leaves a file without a row: the next start accounts for it. */
@LanterneIntegrationTest
class StoredFilesRecoveryIT {

    @Autowired
    StoredFilesRecovery recovery;

    @Autowired
    BlobStore blobs;

    @Autowired
    Documents documents;

    /** A file stored as {@link BlobStore} does, whose transaction never committed. */
    private String storedWithoutRecord(byte[] content) {
        String sha256 = Intake.sha256(content);
        blobs.store(sha256, content);
        return sha256;
    }

    private static Report reportOf(StoredFilesRecovery.Swept swept, String sha256) {
        return swept.recovered().stream().filter(r -> r.items().get(0).sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new AssertionError(sha256 + " not recovered: " + swept));
    }

    @Test
    void a_stored_file_without_its_record_is_taken_in_again_or_kept_in_quarantine_and_never_deleted()
            throws Exception {
        byte[] pdf = TestDocuments.textPdf("Délibération " + UUID.randomUUID(), List.of(List.of(
                "DÉLIBÉRATION du conseil municipal sur la vidéoprotection " + UUID.randomUUID())));
        String document = storedWithoutRecord(pdf);
        String program = storedWithoutRecord(concat(AcceptedTypesTest.elf(2), UUID.randomUUID().toString()
                .getBytes(StandardCharsets.US_ASCII)));
        // Bytes that no longer match their name: cut off by a power loss after the rename.
        String damagedName = Intake.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(blobs.path(damagedName).getParent());
        Files.write(blobs.path(damagedName), "%PDF-1.7 tronqué".getBytes(StandardCharsets.US_ASCII));
        Path half = blobs.path(document).resolveSibling(document + ".partial-999999999-1");
        Files.write(half, new byte[] {1, 2, 3});

        StoredFilesRecovery.Swept swept = recovery.sweep(Instant.now().plusSeconds(1));

        assertThat(reportOf(swept, document).items()).extracting(DocumentRecords.Item::result)
                .containsExactly(Result.INGESTED);
        assertThat(documents.details(document).receipts()).singleElement().satisfies(receipt -> {
            assertThat(receipt.channel()).isEqualTo("RECOVERED");
            assertThat(receipt.source()).startsWith("fichier trouvé sans enregistrement après un arrêt brutal");
        });
        assertThat(reportOf(swept, program).items().get(0).reason()).isEqualTo("TYPE_REFUSED");
        DocumentRecords.Item damaged = reportOf(swept, damagedName).items().get(0);
        assertThat(damaged.reason()).isEqualTo("ORPHAN");
        assertThat(documents.quarantine(true, 1_000)).anySatisfy(q -> {
            assertThat(q.sha256()).isEqualTo(damagedName);
            assertThat(q.detail()).contains("fichier trouvé sans enregistrement après un arrêt brutal",
                    "ne correspond pas à son empreinte");
        });
        assertThat(blobs.path(document)).exists();
        assertThat(blobs.path(program)).exists();
        assertThat(blobs.path(damagedName)).as("never deleted").exists();
        assertThat(half).as("half-written by a process that is gone").doesNotExist();
        assertThat(swept.partial()).isGreaterThanOrEqualTo(1);

        StoredFilesRecovery.Swept again = recovery.sweep(Instant.now().plusSeconds(1));
        assertThat(again.recovered()).as("each file is accounted for once").extracting(r -> r.items().get(0).sha256())
                .doesNotContain(document, program, damagedName);
    }

    @Test
    void files_written_after_the_start_are_left_to_the_transactions_writing_them() {
        String inFlight = storedWithoutRecord(TestDocuments.textPdf("Courrier " + UUID.randomUUID(), List.of(List.of(
                "Madame, Monsieur, " + UUID.randomUUID()))));

        StoredFilesRecovery.Swept swept = recovery.sweep(Instant.now().minusSeconds(60));

        assertThat(swept.recovered()).extracting(r -> r.items().get(0).sha256()).doesNotContain(inFlight);
        assertThat(recovery.sweep(Instant.now().plusSeconds(1)).recovered())
                .extracting(r -> r.items().get(0).sha256()).contains(inFlight);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

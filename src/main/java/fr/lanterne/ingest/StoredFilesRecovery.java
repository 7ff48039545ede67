package fr.lanterne.ingest;

import fr.lanterne.ingest.DocumentRecords.Item;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts for the stored files after a crash. A file is stored before the transaction that records it commits, so a
 * process killed in between leaves a file in {@code documents/} without a row. Such a file is taken in again like a
 * new input (channel {@code RECOVERED}); one that cannot be read that way is kept and listed in quarantine
 * ({@link QuarantineReason#ORPHAN}); none is ever deleted. Half-written files (an input whose copy was cut off, never
 * acknowledged) are deleted.
 */
@Component
class StoredFilesRecovery {

    private static final Logger log = LoggerFactory.getLogger(StoredFilesRecovery.class);
    static final String FOUND_AFTER_CRASH = "fichier trouvé sans enregistrement après un arrêt brutal";

    private final BlobStore blobs;
    private final DocumentStore store;
    private final Documents documents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StoredFilesRecovery(BlobStore blobs, DocumentStore store, Documents documents, TransactionTemplate transaction,
                        Clock clock) {
        this.blobs = blobs;
        this.store = store;
        this.documents = documents;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What the sweep found.
     *
     * @param stored    files in {@code documents/}
     * @param recovered what became of each file that had no record
     * @param partial   half-written files deleted
     */
    record Swept(int stored, List<Report> recovered, int partial, Duration took) {
    }

    /**
     * @param writtenBefore only files written before this moment: later ones may belong to a transaction running now
     */
    Swept sweep(Instant writtenBefore) {
        long start = System.nanoTime();
        BlobStore.Walk walk = blobs.walk();
        int partial = 0;
        for (Path file : walk.partial()) {
            try {
                if (BlobStore.abandoned(file, writtenBefore) && Files.deleteIfExists(file)) {
                    log.warn("Deleted {}, a file left half-written when Lanterne stopped", file);
                    partial++;
                }
            } catch (IOException e) {
                log.warn("Could not delete the half-written file {}", file, e);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (Path file : walk.stored()) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(writtenBefore)) {
                    candidates.add(file.getFileName().toString());
                }
            } catch (IOException e) {
                log.warn("Could not read the date of {}", file, e);
            }
        }
        Set<String> known = store.known(candidates);
        List<Report> recovered = new ArrayList<>();
        for (String sha256 : candidates) {
            if (!known.contains(sha256)) {
                Report report = recover(sha256);
                log.warn("Stored file {} had no record (Lanterne stopped before recording it): {}", sha256,
                        report.items().stream().map(i -> i.path() + " " + i.result()).toList());
                recovered.add(report);
            }
        }
        return new Swept(walk.stored().size(), recovered, partial, Duration.ofNanos(System.nanoTime() - start));
    }

    private Report recover(String sha256) {
        Path file = blobs.path(sha256);
        Source source = new Source(DocumentRecords.Channel.RECOVERED, FOUND_AFTER_CRASH + " : documents/"
                + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256, null, "lanterne");
        String why;
        try {
            byte[] content = Files.readAllBytes(file);
            if (Intake.sha256(content).equals(sha256)) {
                // Its name is lost with its record: the file is named by its hash, and read by its content.
                return documents.ingest(sha256, content, source);
            }
            why = "son contenu ne correspond pas à son empreinte (écriture interrompue ?)";
        } catch (IOException | RuntimeException e) {
            log.error("Could not take in the stored file {} again", sha256, e);
            why = "il n’a pas pu être relu (" + e.getMessage() + ")";
        }
        return quarantine(sha256, file, source, why);
    }

    /** Kept, listed in quarantine under its name, so that the next start does not find it again without a record. */
    private Report quarantine(String sha256, Path file, Source source, String why) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        String detail = "« " + sha256 + " » : " + FOUND_AFTER_CRASH + " ; " + why + ".";
        IntakeItem item = new IntakeItem(1, null, sha256, sha256, 0, size, sha256, null, null,
                new Outcome.Quarantined(QuarantineReason.ORPHAN, detail), null, List.of());
        transaction.executeWithoutResult(status -> store.insertIntake(source, item, Result.QUARANTINED,
                QuarantineReason.ORPHAN.name(), detail, null, null, null, clock.instant()));
        return new Report(source.source(), List.of(new Item(sha256, sha256, Result.QUARANTINED, null, 0,
                QuarantineReason.ORPHAN.name(), detail)), null, null, null);
    }
}

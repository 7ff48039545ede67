package fr.lanterne.ingest;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.ingest.DocumentRecords.Details;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What is known of the stored documents, read for the pages, the API and the search index; it changes nothing. */
@Component
class DocumentQueries {

    private final DocumentStore store;
    private final BlobStore blobs;

    DocumentQueries(DocumentStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    /** A file derived from a document (its redacted version), as {@link DocumentDecisions#storeDerived} kept it. */
    java.nio.file.Path derivedFile(String sha256) {
        if (!store.derived(checked(sha256))) {
            throw notFound(sha256);
        }
        return blobs.path(sha256);
    }

    Details details(String sha256) {
        return store.details(checked(sha256)).orElseThrow(() -> notFound(sha256));
    }

    DocumentRecords.Page page(String sha256, int number) {
        Details details = details(sha256);
        return store.page(sha256, number).orElseThrow(() -> new NotFoundException("Le document n'a que "
                + FrenchCount.of(details.pageCount(), "page", "pages") + " : pas de page " + number + ".",
                Map.of("sha256", sha256, "page", number, "pages", details.pageCount())));
    }

    List<DocumentRecords.Page> pages(String sha256) {
        details(sha256);
        return store.pages(sha256);
    }

    Path file(String sha256) {
        String checked = checked(sha256);
        if (!blobs.exists(checked)) {
            throw notFound(sha256);
        }
        return blobs.path(checked);
    }

    String fileName(String sha256) {
        return store.fileName(checked(sha256)).orElse(sha256);
    }

    String mediaType(String sha256) {
        return store.mediaType(checked(sha256)).orElse("application/octet-stream");
    }

    List<DocumentRecords.Quarantined> quarantine(boolean openOnly, int limit) {
        return store.quarantine(openOnly, Math.max(1, Math.min(limit, 1_000)));
    }

    List<DocumentRecords.Unmatched> unmatched(int limit) {
        return store.unmatched(Math.max(1, Math.min(limit, 1_000)));
    }

    List<DocumentRecords.Summary> ofRequest(String reference) {
        return store.summaries("request_reference", List.of(reference), 500);
    }

    List<DocumentRecords.Summary> ofAuthorities(List<String> authorityCodes) {
        return store.summaries("authority_code", authorityCodes, 500);
    }

    boolean published(String sha256) {
        return store.published(sha256);
    }

    List<DocumentRecords.Summary> summaries(List<String> sha256s) {
        return store.summaries("sha256", sha256s.stream().map(DocumentQueries::checked).distinct().toList(), 1_000);
    }

    List<String> documenting(long deploymentId) {
        return store.confirmedLinksTo(deploymentId);
    }

    Map<String, Integer> pageCounts() {
        return store.pageCounts();
    }

    List<String> documentsAfter(String sha256, int limit) {
        return store.documentsAfter(sha256, limit);
    }

    private static String checked(String sha256) {
        String value = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("« " + sha256 + " » n'est pas une empreinte SHA-256 (64 caractères "
                    + "hexadécimaux).", Map.of("sha256", String.valueOf(sha256)));
        }
        return value;
    }

    static NotFoundException notFound(String sha256) {
        return new NotFoundException("Aucun document n'a l'empreinte " + sha256 + ".", Map.of("sha256", sha256));
    }
}

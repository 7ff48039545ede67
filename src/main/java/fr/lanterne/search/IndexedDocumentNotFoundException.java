package fr.lanterne.search;

import fr.lanterne.shared.NotFoundException;
import java.util.Map;

/** A document asked for by its SHA-256 has no page in the search index. */
final class IndexedDocumentNotFoundException extends NotFoundException {

    private IndexedDocumentNotFoundException(String message, Map<String, Object> details) {
        super(message, details);
    }

    static IndexedDocumentNotFoundException forSha256(String sha256) {
        return new IndexedDocumentNotFoundException("Aucun document indexé n'a l'empreinte " + sha256
                + " : il n'a pas encore été indexé, ou l'index est en cours de reconstruction.",
                Map.of("sha256", sha256));
    }
}

package fr.lanterne.facts;

import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Vendor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads a document's facts when ingest takes it in or reads it again, inside the transaction that stores its pages:
 * the facts commit with the pages, or neither does, and a crash leaves nothing half read. A document read before
 * the module existed, or by older rules, is read when its facts are first asked for.
 */
@Component
class FactReading {

    /** The version of the rules: raise it when a finder changes, so that documents are read again. */
    static final int RULES = 1;

    private final Documents documents;
    private final Registry registry;
    private final FactStore store;
    private final Clock clock;

    private record CachedExtractor(List<Vendor> vendors, FactExtractor extractor) {
    }

    private volatile CachedExtractor cached;

    FactReading(Documents documents, Registry registry, FactStore store, Clock clock) {
        this.documents = documents;
        this.registry = registry;
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void read(Documents.DocumentsIngested event) {
        event.sha256s().forEach(this::read);
    }

    // A re-read replaces the pages; an assignment or a link decision leaves them, and reading again changes nothing.
    @EventListener
    void read(Documents.DocumentsChanged event) {
        event.sha256s().forEach(this::read);
    }

    /** Reads the document's facts from its stored pages, replacing those read before; confirmations stay. */
    void read(String sha256) {
        List<String> texts = documents.pages(sha256).stream().map(DocumentRecords.Page::text).toList();
        store.replace(sha256, extractor().extract(texts), RULES, clock.instant());
    }

    /** Whether the document's facts were read by today's rules. */
    boolean upToDate(String sha256) {
        return store.rules(sha256).filter(rules -> rules == RULES).isPresent();
    }

    private FactExtractor extractor() {
        List<Vendor> vendors = registry.vendors();
        CachedExtractor current = cached;
        if (current != null && current.vendors().equals(vendors)) {
            return current.extractor();
        }
        List<Names.Term> terms = new ArrayList<>();
        for (Vendor vendor : vendors) {
            terms.add(new Names.Term(FactKind.VENDOR, vendor.name(), null));
            vendor.products().forEach(product -> terms.add(new Names.Term(FactKind.PRODUCT, product, vendor.name())));
        }
        FactExtractor extractor = new FactExtractor(terms);
        cached = new CachedExtractor(vendors, extractor);
        return extractor;
    }
}

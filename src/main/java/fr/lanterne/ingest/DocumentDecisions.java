package fr.lanterne.ingest;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.Documents.DocumentsChanged;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a volunteer decides about a stored document: the request it answers, whether it documents a deployment it was
 * proposed for, whether visitors may read it.
 */
@Service
class DocumentDecisions {

    private final DocumentQueries queries;
    private final DocumentStore store;
    private final Requests requests;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BlobStore blobs;

    DocumentDecisions(DocumentQueries queries, DocumentStore store, Requests requests, Registry registry,
                      ApplicationEventPublisher events, Clock clock, BlobStore blobs) {
        this.queries = queries;
        this.store = store;
        this.blobs = blobs;
        this.requests = requests;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Details assign(String sha256, RequestReference reference, String by) {
        Details details = queries.details(sha256);
        RequestDetails request = requests.details(reference);
        if (!store.assign(details.sha256(), request.reference().value(), request.authorityCode())) {
            // Another request's document (perhaps another group's) is not moved from under it.
            throw new ConflictException("Ce document est déjà rattaché à une autre demande : il ne peut être "
                    + "rattaché qu’à une seule.", Map.of("sha256", details.sha256()));
        }
        requests.documentsReceived(reference, "document « " + details.fileName() + " » rattaché par " + by);
        events.publishEvent(new DocumentsChanged(List.of(details.sha256())));
        return queries.details(sha256);
    }

    @Transactional
    public Details decideLink(String sha256, long deploymentId, boolean confirmed, String by) {
        Details details = queries.details(sha256);
        registry.deployment(deploymentId);
        store.decideLink(details.sha256(), deploymentId, confirmed ? "CONFIRMED" : "REJECTED", by, clock.instant());
        if (confirmed) {
            registry.addSource(deploymentId, new SourceDraft(null, details.title() != null ? details.title()
                    : details.fileName(), null, details.sha256(), clock.instant().atZone(clock.getZone())
                    .toLocalDate()),
                    by);
        }
        events.publishEvent(new DocumentsChanged(List.of(details.sha256())));
        return queries.details(sha256);
    }

    @Transactional
    public void publish(String sha256, boolean published, String by) {
        String sha = queries.details(sha256).sha256();
        if (published) {
            store.publish(sha256, by, clock.instant());
        } else {
            store.unpublish(sha256);
        }
        events.publishEvent(new Documents.DocumentPublished(sha, published));
    }

    /**
     * Keeps a file made from a document (its redacted version) in the store of received files, and records it as
     * derived from it, so that the sweep after a crash does not take it for a received file that lost its record.
     * The file is written before the record, as received files are: a crash in between leaves a file the sweep takes in.
     */
    @Transactional
    public String storeDerived(String fromSha256, byte[] content) {
        Details from = queries.details(fromSha256);
        String sha256 = Intake.sha256(content);
        blobs.store(sha256, content);
        store.recordDerived(sha256, from.sha256(), clock.instant());
        return sha256;
    }
}

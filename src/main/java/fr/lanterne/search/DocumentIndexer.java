package fr.lanterne.search;

import fr.lanterne.ConflictException;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Registry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the documents. A document ingested or changed is queued in the same
 * transaction (so a crash cannot lose it), then indexed as soon as that transaction commits, when this process holds
 * the index; otherwise (a command-line import while the server runs) the server's next pass takes it.
 *
 * <p>One thread drains at a time. A commit that finds another thread draining leaves its document to it: that thread
 * looks at the queue again before it stops. Each batch is read in a transaction of its own, so that it sees what
 * other transactions committed since the last batch.
 */
@Component
class DocumentIndexer {

    private static final Logger log = LoggerFactory.getLogger(DocumentIndexer.class);
    private static final int BATCH = 50;

    private final SearchQueue queue;
    private final DocumentPages pages;
    private final Documents documents;
    private final ObjectProvider<SearchIndex> index;
    private final TransactionTemplate batchTransaction;
    private final ReentrantLock draining = new ReentrantLock();
    /** Set by every commit that queued documents; cleared by the thread that drains before it reads the queue. */
    private final AtomicBoolean requested = new AtomicBoolean();

    DocumentIndexer(SearchQueue queue, DocumentPages pages, Documents documents, ObjectProvider<SearchIndex> index,
                    PlatformTransactionManager transactionManager) {
        this.queue = queue;
        this.pages = pages;
        this.documents = documents;
        this.index = index;
        // After a commit the ingest's connection is still bound; a new transaction takes a fresh one.
        this.batchTransaction = new TransactionTemplate(transactionManager);
        batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    @Order(0)
    void queue(Documents.DocumentsIngested event) {
        queue.add(event.sha256s());
    }

    @EventListener
    @Order(0)
    void queue(Documents.DocumentsChanged event) {
        queue.add(event.sha256s());
    }

    /** The documents confirmed as documenting a deployment take its technology and vendor: re-index them. */
    @EventListener
    @Order(0)
    void queue(Registry.DeploymentChanged event) {
        queue.add(documents.documenting(event.deploymentId()));
    }

    // Indexed once the change commits (queued first, at order 0); without a transaction, at once.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void indexNow(Documents.DocumentsIngested event) {
        drainQuietly();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void indexNow(Registry.DeploymentChanged event) {
        drainQuietly();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void indexNow(Documents.DocumentsChanged event) {
        drainQuietly();
    }

    /**
     * Indexes every queued document, waiting for another thread's drain to finish first.
     *
     * @return how many documents were indexed
     */
    int drain() {
        requested.set(true);
        draining.lock();
        return drainAndUnlock();
    }

    /** After an ingest: index now if this process can open the index; the queue keeps what it could not. */
    private void drainQuietly() {
        requested.set(true);
        if (!draining.tryLock()) {
            return; // the thread draining now will read the queue again before it stops
        }
        try {
            drainAndUnlock();
        } catch (BeanCreationException | ConflictException e) {
            // Another process (the server, while this is a command-line import) holds the index.
            log.info("Documents queued for the search index, to be indexed by the server: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Indexing failed; the documents stay queued and will be indexed on the next pass", e);
        }
    }

    /** Drains while holding the lock, then drains again if a commit asked meanwhile and no other thread took over. */
    private int drainAndUnlock() {
        int indexed = 0;
        do {
            try {
                requested.set(false);
                indexed += drainQueue();
            } finally {
                draining.unlock();
            }
        } while (requested.get() && draining.tryLock());
        return indexed;
    }

    private int drainQueue() {
        SearchIndex target = index.getObject();
        int indexed = 0;
        Integer batch;
        while ((batch = batchTransaction.execute(status -> indexNext(target))) != null) {
            indexed += batch;
        }
        return indexed;
    }

    /** Indexes the next queued documents; null when the queue is empty. */
    private Integer indexNext(SearchIndex target) {
        List<SearchQueue.Queued> next = queue.next(BATCH);
        if (next.isEmpty()) {
            return null;
        }
        int indexed = 0;
        for (SearchQueue.Queued queued : next) {
            Optional<List<PageDocument>> document = pages.of(queued.sha256());
            if (document.isEmpty() || document.get().isEmpty()) {
                target.delete(queued.sha256());
            } else {
                target.index(document.get());
                indexed++;
            }
            queue.done(queued);
        }
        return indexed;
    }

    int queued() {
        return queue.size();
    }
}

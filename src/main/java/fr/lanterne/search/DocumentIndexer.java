package fr.lanterne.search;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Registry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>Searchable is not durable: a document leaves the queue only once an index commit done after its pages were
 * written has returned, so a kill at any moment leaves it either durable in the index or still queued (indexed again
 * at the next start). Commits run on a thread of their own, one for all the documents written since the last one:
 * an index commit syncs files to disk and took as long as indexing a hundred pages, which ingest need not wait for.
 */
@Component
class DocumentIndexer {

    private static final Logger log = LoggerFactory.getLogger(DocumentIndexer.class);
    private static final int BATCH = 50;

    private final SearchQueue queue;
    private final DocumentPages pages;
    private final Documents documents;
    private final PublishedVersions publishedVersions;
    private final ObjectProvider<SearchIndex> index;
    private final TransactionTemplate batchTransaction;
    private final ReentrantLock draining = new ReentrantLock();
    /** Set by every commit that queued documents; cleared by the thread that drains before it reads the queue. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Documents written to the index, not yet committed: still queued, not to be indexed again meanwhile. */
    private final Map<String, Instant> awaitingCommit = new ConcurrentHashMap<>();
    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-queue-commit");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean commitRequested = new AtomicBoolean();

    DocumentIndexer(SearchQueue queue, DocumentPages pages, Documents documents, PublishedVersions publishedVersions,
                    ObjectProvider<SearchIndex> index, PlatformTransactionManager transactionManager) {
        this.queue = queue;
        this.publishedVersions = publishedVersions;
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

    /**
     * Ingest's "published as received" decision: published, the document's text as received becomes searchable by
     * visitors, unless a version of it is published (its text stays); unpublished, nothing of it stays public.
     */
    @EventListener
    @Order(0)
    void queue(Documents.DocumentPublished event) {
        if (event.published()) {
            publishedVersions.saveAsReceivedUnlessPublished(event.sha256());
        } else {
            publishedVersions.remove(event.sha256());
        }
        queue.add(List.of(event.sha256()));
    }

    /** Queued by {@link Search#publish} and the like, in the caller's transaction. */
    record PublicationChanged(String sha256) {
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void indexNow(Documents.DocumentPublished event) {
        drainQuietly();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(1)
    void indexNow(PublicationChanged event) {
        drainQuietly();
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
        if (!awaitingCommit.isEmpty()) {
            requestCommit(target);
        }
        return indexed;
    }

    /** Indexes the next queued documents, leaving them queued until committed; null when there are none. */
    private Integer indexNext(SearchIndex target) {
        List<SearchQueue.Queued> next = queue.next(BATCH + awaitingCommit.size()).stream()
                .filter(queued -> !queued.queuedAt().equals(awaitingCommit.get(queued.sha256())))
                .limit(BATCH)
                .toList();
        if (next.isEmpty()) {
            return null;
        }
        int indexed = 0;
        for (SearchQueue.Queued queued : next) {
            Optional<List<PageDocument>> document = pages.entries(queued.sha256());
            if (document.isEmpty() || document.get().isEmpty()) {
                target.delete(queued.sha256());
            } else {
                target.index(document.get());
                indexed++;
            }
            awaitingCommit.put(queued.sha256(), queued.queuedAt());
        }
        return indexed;
    }

    /** Asks the commit thread for a commit, unless one not started yet will cover what was written. */
    private void requestCommit(SearchIndex target) {
        if (commitRequested.compareAndSet(false, true)) {
            committer.execute(() -> commitAndForget(target));
        }
    }

    /**
     * Commits the index, then forgets the documents written before it. A failed commit leaves them queued and
     * awaiting: the next drain (the next ingest, the server's pass every half minute) asks for a commit again.
     */
    private void commitAndForget(SearchIndex target) {
        commitRequested.set(false);
        // Sorted: rows deleted in one order by every transaction cannot deadlock each other.
        Map<String, Instant> written = new java.util.TreeMap<>(awaitingCommit);
        if (written.isEmpty()) {
            return;
        }
        try {
            target.commit();
            batchTransaction.executeWithoutResult(status -> written.forEach((sha256, queuedAt) ->
                    queue.done(new SearchQueue.Queued(sha256, queuedAt))));
        } catch (RuntimeException e) {
            log.warn("Committing the search index failed; {} document(s) stay queued until a commit succeeds",
                    written.size(), e);
            return;
        }
        written.forEach(awaitingCommit::remove);
    }

    int queued() {
        return queue.size();
    }

    /**
     * Checks the index against the database: documents whose pages the index does not hold (all of them, as many as
     * the database has) are queued again, pages of documents the database no longer has are removed. Page counts are
     * compared, read from the index's doc values and the document table, without reading any text.
     */
    Search.Checked reconcile() {
        long start = System.nanoTime();
        SearchIndex target = index.getObject();
        // The index first: a document it holds was committed to the database before it was indexed, so the database
        // read after it lists it. Read the other way round, a document taken in between would look deleted.
        Map<String, Integer> indexed = target.pagesByDocument();
        Map<String, Integer> indexedPublished = target.pagesByDocument(Audience.VISITORS);
        Map<String, Integer> stored = documents.pageCounts();
        Map<String, Integer> storedPublished = publishedVersions.pageCounts(stored);
        // Published entries count too: a publication or a withdrawal the index missed is done again.
        List<String> missing = stored.entrySet().stream()
                .filter(d -> indexed.getOrDefault(d.getKey(), 0).intValue() != d.getValue()
                        || indexedPublished.getOrDefault(d.getKey(), 0).intValue()
                        != storedPublished.getOrDefault(d.getKey(), 0).intValue())
                .map(Map.Entry::getKey).sorted().toList();
        List<String> gone = java.util.stream.Stream.concat(indexed.keySet().stream(),
                indexedPublished.keySet().stream()).filter(sha256 -> !stored.containsKey(sha256))
                .distinct().sorted().toList();
        queue.add(missing);
        gone.forEach(target::delete);
        target.commit();
        long pages = indexed.values().stream().mapToLong(Integer::longValue).sum();
        return new Search.Checked(stored.size(), pages, missing, gone,
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }
}

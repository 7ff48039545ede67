package fr.lanterne.search;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.ingest.Documents;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search module's API: searching the obtained documents (volunteers) and their published versions (visitors),
 * saying what is published, and rebuilding the index.
 *
 * <p><b>Published versions.</b> Visitors search only what is published of each document, kept by this module in the
 * tables {@code published_version} and {@code published_page} (so that a rebuild of the index recreates it): either
 * the text of a published version, page by page ({@link #publish}: a redacted version, whose text lacks the words
 * occulted), or the document's text as received ({@link #publishAsReceived}, and ingest's "published as received"
 * decision, {@link Documents#publish}). Each is written in the caller's transaction with the document queued, and
 * indexed once it commits, as ingest's documents are. Volunteers' searches never see these entries, visitors' searches
 * see nothing else.
 */
@Service
public class Search {

    private final ObjectProvider<SearchIndex> index;
    private final DocumentIndexer indexer;
    private final JobOperator jobOperator;
    private final Job reindexJob;
    private final Clock clock;
    private final Documents documents;
    private final PublishedVersions published;
    private final SearchQueue queue;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Search(ObjectProvider<SearchIndex> index, DocumentIndexer indexer, JobOperator jobOperator,
           @Qualifier("reindexSearchJob") Job reindexJob, Clock clock, Documents documents,
           PublishedVersions published, SearchQueue queue, ApplicationEventPublisher events,
           PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.index = index;
        this.indexer = indexer;
        this.jobOperator = jobOperator;
        this.reindexJob = reindexJob;
        this.clock = clock;
        this.documents = documents;
        this.published = published;
        this.queue = queue;
        this.events = events;
    }

    /** Volunteers' search: every document, as received. */
    public SearchResult search(SearchQuery query) {
        return index.getObject().search(query, Audience.VOLUNTEERS);
    }

    /** Visitors' search: the published versions only; a document not published does not exist to it. */
    public SearchResult searchPublished(SearchQuery query) {
        return index.getObject().search(query, Audience.VISITORS);
    }

    /**
     * Publishes a version of the document: visitors' searches find its pages with these texts (the first is page 1),
     * and none of the text as received. Replaces what was published of the document before. Call it in the
     * transaction that records the publication: the pages are indexed once it commits.
     *
     * @param pageTexts the text of each page of the published version, as visitors can read it (for a redacted
     *                  version, without the occulted words); at least one page
     * @throws fr.lanterne.shared.NotFoundException if there is no such document
     */
    public void publish(String sha256, List<String> pageTexts) {
        if (pageTexts == null || pageTexts.isEmpty()) {
            throw new IllegalArgumentException("A published version has at least one page");
        }
        List<String> texts = List.copyOf(pageTexts.stream().map(t -> t == null ? "" : t).toList());
        inTransaction(sha256, sha -> published.saveVersion(sha, texts));
    }

    /** Publishes the document as received: visitors' searches find its text as extracted. As {@link #publish}. */
    public void publishAsReceived(String sha256) {
        inTransaction(sha256, published::saveAsReceived);
    }

    /** Nothing of the document is searchable by visitors any longer (once the caller's transaction commits). */
    public void withdraw(String sha256) {
        inTransaction(sha256, published::remove);
    }

    /** In the caller's transaction if there is one: the change and the queued document commit together. */
    private void inTransaction(String sha256, java.util.function.Consumer<String> change) {
        transaction.executeWithoutResult(status -> {
            String sha = documents.details(sha256).sha256();
            change.accept(sha);
            queue.add(List.of(sha));
            events.publishEvent(new DocumentIndexer.PublicationChanged(sha));
        });
    }

    public List<SearchHit> moreLikeThis(String sha256, int size) {
        return index.getObject().moreLikeThis(sha256, Math.max(1, Math.min(size, 50)));
    }

    /** Pages searchable now, and documents waiting to be indexed. */
    public record Status(long pages, int queued) {
    }

    public Status status() {
        return new Status(index.getObject().count(), indexer.queued());
    }

    /** Indexes the documents waiting in the queue (those a command-line import left to the server). */
    int indexQueued() {
        return indexer.drain();
    }

    /**
     * What checking the index against the database found.
     *
     * @param documents documents in the database
     * @param pages     pages in the index
     * @param requeued  documents whose pages the index lacked (or held a different number of): queued again
     * @param removed   documents the database no longer has, whose pages were removed from the index
     */
    record Checked(int documents, long pages, List<String> requeued, List<String> removed,
                          java.time.Duration took) {
    }

    /** Checks the index against the database; what it lacks is queued, to be indexed by {@link #indexQueued()}. */
    Checked check() {
        return indexer.reconcile();
    }

    /** What a rebuild did. */
    public record Reindexed(String status, long documents, long pages) {
    }

    /** Rebuilds the whole index from the database; searches go on against the old one until it completes. */
    public Reindexed reindex() {
        try {
            JobExecution execution = jobOperator.start(reindexJob, new JobParametersBuilder()
                    .addLong("run", clock.millis()).toJobParameters());
            long documents = execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum();
            long pages = execution.getStepExecutions().stream()
                    .mapToLong(s -> s.getExecutionContext().getLong("pages", 0L)).sum();
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                if (cause instanceof ConflictException conflict) {
                    throw conflict;
                }
                throw new IllegalStateException("The reindex job ended " + execution.getStatus(), cause);
            }
            // A publication withdrawn while the rebuild read the database may have reached the new index as it was
            // read: checked against the database now, and done again, so visitors do not keep reading it.
            indexer.reconcile();
            indexer.drain();
            return new Reindexed(execution.getStatus().name(), documents, pages);
        } catch (ConflictException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The reindex job could not run", e);
        }
    }
}

package fr.lanterne.search;

import fr.lanterne.shared.ConflictException;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** The search module's API: searching the obtained documents, and rebuilding the index. */
@Service
public class Search {

    private final ObjectProvider<SearchIndex> index;
    private final DocumentIndexer indexer;
    private final JobOperator jobOperator;
    private final Job reindexJob;
    private final Clock clock;

    Search(ObjectProvider<SearchIndex> index, DocumentIndexer indexer, JobOperator jobOperator,
           @Qualifier("reindexSearchJob") Job reindexJob, Clock clock) {
        this.index = index;
        this.indexer = indexer;
        this.jobOperator = jobOperator;
        this.reindexJob = reindexJob;
        this.clock = clock;
    }

    public SearchResult search(SearchQuery query) {
        return index.getObject().search(query);
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
            return new Reindexed(execution.getStatus().name(), documents, pages);
        } catch (ConflictException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The reindex job could not run", e);
        }
    }
}

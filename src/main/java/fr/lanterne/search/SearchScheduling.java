package fr.lanterne.search;

import fr.lanterne.ingest.Documents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In the web application: indexes what command-line imports left in the queue, every half minute; and, at start-up,
 * rebuilds the index in the background when it is empty while documents exist (a new data directory restored from a
 * database backup, a deleted {@code search/} folder, the first start after an upgrade), or else checks it against the
 * database and indexes what a crash left out.
 */
@Component
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true}")
class SearchScheduling {

    private static final Logger log = LoggerFactory.getLogger(SearchScheduling.class);

    private final Search search;
    private final Documents documents;

    SearchScheduling(Search search, Documents documents) {
        this.search = search;
        this.documents = documents;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void indexQueued() {
        try {
            int indexed = search.indexQueued();
            if (indexed > 0) {
                log.info("{} queued document(s) indexed for search", indexed);
            }
        } catch (RuntimeException e) {
            log.error("Indexing the queued documents failed; they stay queued for the next pass", e);
        }
    }

    /**
     * At start-up, in the background: an empty index while documents exist is rebuilt; otherwise the index is checked
     * against the database (after a crash, a document may be in one and not the other) and what it lacks is indexed
     * at once, with what the queue held.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        Thread rebuild = new Thread(() -> {
            try {
                if (search.status().pages() == 0 && !documents.documentsAfter("", 1).isEmpty()) {
                    log.info("The search index is empty while documents exist: rebuilding it");
                    Search.Reindexed done = search.reindex();
                    log.info("Search index rebuilt: {} document(s), {} page(s)", done.documents(), done.pages());
                    return;
                }
                Search.Checked checked = search.check();
                log.info("Search index checked against the database in {} ms: {} document(s), {} page(s) indexed, "
                        + "{} queued again, {} removed", checked.took().toMillis(), checked.documents(),
                        checked.pages(), checked.requeued().size(), checked.removed().size());
                int indexed = search.indexQueued();
                if (indexed > 0) {
                    log.info("{} queued document(s) indexed for search", indexed);
                }
            } catch (RuntimeException e) {
                log.error("Checking the search index failed; run « lanterne search reindex » to rebuild it", e);
            }
        }, "search-check");
        rebuild.setDaemon(true);
        rebuild.start();
    }
}

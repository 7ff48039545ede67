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
 * database backup, a deleted {@code search/} folder, the first start after an upgrade).
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

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        Thread rebuild = new Thread(() -> {
            try {
                if (search.status().pages() == 0 && !documents.documentsAfter("", 1).isEmpty()) {
                    log.info("The search index is empty while documents exist: rebuilding it");
                    Search.Reindexed done = search.reindex();
                    log.info("Search index rebuilt: {} document(s), {} page(s)", done.documents(), done.pages());
                }
            } catch (RuntimeException e) {
                log.error("Rebuilding the search index failed; run « lanterne search reindex » to try again", e);
            }
        }, "search-rebuild");
        rebuild.setDaemon(true);
        rebuild.start();
    }
}

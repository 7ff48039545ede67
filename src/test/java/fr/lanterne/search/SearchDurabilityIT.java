package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Searchable is not durable: a document leaves the search queue only once the index commit that holds it is done, and
 * at start-up the index is checked against the database.
 */
@LanterneIntegrationTest
class SearchDurabilityIT {

    @Autowired
    Documents documents;

    @Autowired
    SearchQueue queue;

    @Autowired
    PublishedVersions publishedVersions;

    @Autowired
    DocumentPages pages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Search search;

    @Autowired
    SearchIndex index;

    private final String marker = "zq" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    private String ingest() {
        byte[] pdf = TestDocuments.textPdf("Arrêté " + marker, List.of(List.of("ARRÊTÉ PRÉFECTORAL " + marker,
                "autorisant un système de vidéoprotection"), List.of("Fait à Nîmes " + marker)));
        return documents.ingest("arrete-" + marker + ".pdf", pdf, new DocumentRecords.Source(
                DocumentRecords.Channel.UPLOAD, "durability " + UUID.randomUUID(), null, "test")).items().get(0)
                .sha256();
    }

    private boolean queued(String sha256) {
        return queue.next(100_000).stream().anyMatch(q -> q.sha256().equals(sha256));
    }

    @Test
    void a_queued_document_stays_queued_when_the_index_commit_fails() throws IOException {
        String sha256 = ingest();
        Path folder = Files.createTempDirectory(Path.of("target"), "failing-index-");
        try (FailingCommits failing = new FailingCommits(new LuceneSearchIndex(folder))) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("searchIndex", failing));
            DocumentIndexer indexer = new DocumentIndexer(queue, pages, documents, publishedVersions,
                    beans.getBeanProvider(SearchIndex.class), transactions);
            queue.add(List.of(sha256));

            assertThat(indexer.drain()).isGreaterThanOrEqualTo(1);
            assertThat(failing.search(SearchQuery.builder().text(marker).build()).total())
                    .as("written, searchable at once").isEqualTo(2);
            awaitUntil(() -> failing.failedCommits.get() > 0);
            assertThat(queued(sha256)).as("still queued: the commit failed").isTrue();
            assertThat(indexer.drain()).as("not indexed again while it awaits its commit").isZero();

            failing.fail = false;
            indexer.drain();
            awaitUntil(() -> !queued(sha256));
            assertThat(failing.commits.get()).as("forgotten only after a commit").isPositive();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void the_check_at_start_queues_what_the_index_lacks_and_removes_what_the_database_lacks() {
        String sha256 = ingest();
        assertThat(index.pagesByDocument()).containsEntry(sha256, 2);
        index.delete(sha256);
        String unknown = "f".repeat(8) + UUID.randomUUID().toString().replace("-", "") + "0".repeat(24);
        index.index(List.of(new PageDocument(unknown, 1, "page orpheline " + marker, "orpheline", "inconnu", null,
                null, null, null, null, List.of(), List.of(), "OTHER", null, null, null)));
        assertThat(search.search(SearchQuery.builder().text(marker).build()).total()).isEqualTo(1);

        Search.Checked checked = search.check();

        assertThat(checked.requeued()).contains(sha256);
        assertThat(checked.removed()).containsExactly(unknown);
        assertThat(queued(sha256)).isTrue();
        search.indexQueued();
        SearchResult found = search.search(SearchQuery.builder().text(marker).build());
        assertThat(found.hits()).extracting(SearchHit::sha256).containsOnly(sha256);
        assertThat(found.total()).isEqualTo(2);
        assertThat(search.check().requeued()).as("nothing left to do").doesNotContain(sha256);
    }

    /** The index, with commits that fail until told otherwise: a full disk, an I/O error. */
    static final class FailingCommits implements SearchIndex {

        private final SearchIndex index;
        volatile boolean fail = true;
        final java.util.concurrent.atomic.AtomicInteger failedCommits = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();

        FailingCommits(SearchIndex index) {
            this.index = index;
        }

        @Override
        public void commit() {
            if (fail) {
                failedCommits.incrementAndGet();
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            index.commit();
            commits.incrementAndGet();
        }

        @Override
        public void index(List<PageDocument> pages) {
            index.index(pages);
        }

        @Override
        public void delete(String sha256) {
            index.delete(sha256);
        }

        @Override
        public SearchResult search(SearchQuery query, Audience audience) {
            return index.search(query, audience);
        }

        @Override
        public List<SearchHit> moreLikeThis(String sha256, int size) {
            return index.moreLikeThis(sha256, size);
        }

        @Override
        public Map<String, Integer> pagesByDocument(Audience audience) {
            return index.pagesByDocument(audience);
        }

        @Override
        public long count() {
            return index.count();
        }

        @Override
        public Rebuild startRebuild() {
            return index.startRebuild();
        }

        @Override
        public void close() {
            index.close();
        }
    }
}

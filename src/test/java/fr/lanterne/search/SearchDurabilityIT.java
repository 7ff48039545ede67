package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            DocumentIndexer indexer = new DocumentIndexer(queue, pages, documents,
                    beans.getBeanProvider(SearchIndex.class), transactions);
            queue.add(List.of(sha256));

            assertThatThrownBy(indexer::drain).isInstanceOf(UncheckedIOException.class);
            assertThat(failing.search(SearchQuery.builder().text(marker).build()).total())
                    .as("written, searchable, but not durable").isEqualTo(2);
            assertThat(queued(sha256)).as("still queued: the commit did not happen").isTrue();

            failing.fail = false;
            assertThat(indexer.drain()).isGreaterThanOrEqualTo(1);
            assertThat(queued(sha256)).as("forgotten once committed").isFalse();
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

        FailingCommits(SearchIndex index) {
            this.index = index;
        }

        @Override
        public void commit() {
            if (fail) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            index.commit();
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
        public SearchResult search(SearchQuery query) {
            return index.search(query);
        }

        @Override
        public List<SearchHit> moreLikeThis(String sha256, int size) {
            return index.moreLikeThis(sha256, size);
        }

        @Override
        public void refresh() {
            index.refresh();
        }

        @Override
        public Map<String, Integer> pagesByDocument() {
            return index.pagesByDocument();
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

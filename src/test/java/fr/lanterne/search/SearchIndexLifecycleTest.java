package fr.lanterne.search;

import static fr.lanterne.search.ObtainedDocuments.MARSEILLE;
import static fr.lanterne.search.ObtainedDocuments.NICE;
import static fr.lanterne.search.ObtainedDocuments.NIMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.registry.Technology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing to the index: replacing, deleting, near-real-time visibility, durability and rebuilding while searching. */
class SearchIndexLifecycleTest {

    @TempDir
    Path folder;

    private LuceneSearchIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private LuceneSearchIndex open() {
        index = new LuceneSearchIndex(folder, new LuceneSearchIndex.Options(Duration.ofMillis(200), 16, 32, 2));
        return index;
    }

    private long total(String text) {
        return index.search(SearchQuery.of(text)).total();
    }

    @Test
    void a_document_indexed_again_replaces_its_pages() {
        open().index(NIMES.pages());
        index.index(NIMES.pages());
        assertThat(index.count()).isEqualTo(3);
        // Re-ingested with one page fewer (a better OCR, a corrected upload): the third page must go.
        index.index(NIMES.pages().subList(0, 2));
        assertThat(index.count()).isEqualTo(2);
        assertThat(total("\"245 000 euros\"")).isZero();
    }

    @Test
    void the_pages_of_a_document_carry_the_same_document_fields() {
        List<PageDocument> pages = new java.util.ArrayList<>(NIMES.pages());
        PageDocument first = pages.get(0);
        pages.set(0, new PageDocument(first.sha256(), first.page(), first.text(), first.title(),
                first.authorityCode(), first.authorityName(), first.insee(), first.communeName(), first.departement(),
                first.region(), first.technologies(), first.vendors(), "INVOICE", first.receivedOn(),
                first.requestReference(), first.campaignId()));
        assertThatThrownBy(() -> open().index(pages)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other document fields");
        assertThat(index.count()).isZero();
    }

    @Test
    void a_deleted_document_is_no_longer_found() {
        open().index(NIMES.pages());
        index.index(NICE.pages());
        index.delete(NIMES.sha256().toUpperCase());
        assertThat(index.count()).isEqualTo(3);
        assertThat(total("Briefcam")).isZero();
    }

    @Test
    void a_document_is_searchable_as_soon_as_it_is_indexed() throws Exception {
        open().index(NICE.pages());
        ExecutorService ingest = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch indexed = new CountDownLatch(1);
            ingest.submit(() -> {
                index.index(MARSEILLE.pages());
                indexed.countDown();
            });
            assertThat(indexed.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(total("\"reconnaissance faciale\"")).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        } finally {
            ingest.shutdownNow();
        }
    }

    @Test
    void changes_are_committed_in_the_background_and_survive_a_restart() throws Exception {
        open().index(NIMES.pages());
        Path current = index.currentFolder();
        // Within a few commit intervals the pages are on disk, readable by a fresh reader (as after a crash).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int committed = 0;
        while (committed < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            try (FSDirectory directory = FSDirectory.open(current);
                 DirectoryReader reader = DirectoryReader.open(directory)) {
                committed = reader.numDocs();
            }
        }
        assertThat(committed).isEqualTo(3);
        index.close();
        assertThat(open().count()).isEqualTo(3);
        assertThat(total("Briefcam")).isPositive();
    }

    @Test
    void a_commit_makes_what_was_written_durable_at_once() throws Exception {
        index = new LuceneSearchIndex(folder, new LuceneSearchIndex.Options(Duration.ofHours(1), 16, 32, 1));
        index.index(NIMES.pages());
        assertThat(committedPages()).as("searchable, not yet on disk").isZero();

        index.commit();

        assertThat(committedPages()).as("what a restart after a kill -9 would find").isEqualTo(3);
    }

    @Test
    void the_pages_of_each_document_are_counted_from_doc_values() {
        open().index(NIMES.pages());
        index.index(MARSEILLE.pages());
        index.index(NIMES.pages().subList(0, 2));
        index.commit();
        index.index(NICE.pages());
        index.delete(MARSEILLE.sha256());

        assertThat(index.pagesByDocument()).as("deleted pages not counted")
                .containsOnly(Map.entry(NIMES.sha256(), 2), Map.entry(NICE.sha256(), NICE.pages().size()));
    }

    private int committedPages() throws IOException {
        try (FSDirectory directory = FSDirectory.open(index.currentFolder());
             DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }

    @Test
    void an_unreadable_index_is_replaced_by_an_empty_one() throws IOException {
        open().index(NIMES.pages());
        Path current = index.currentFolder();
        index.close();
        try (Stream<Path> files = Files.list(current)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        assertThat(open().count()).isZero();
        index.index(NICE.pages());
        assertThat(index.count()).isEqualTo(3);
    }

    @Test
    void a_rebuild_replaces_the_index_at_once_while_searches_and_ingest_go_on() throws Exception {
        open();
        for (ObtainedDocuments.Source source : ObtainedDocuments.ALL) {
            index.index(source.pages());
        }
        Path before = index.currentFolder();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean searching = new AtomicBoolean(true);
        ExecutorService researcher = Executors.newSingleThreadExecutor();
        Future<?> searches = researcher.submit(() -> {
            while (searching.get()) {
                seen.add(index.search(SearchQuery.builder().build()).total());
            }
        });
        PageDocument late = new PageDocument("a".repeat(64), 1, "Convention de mise à disposition d'un drone.",
                "Convention drone", "COM-13055", "Mairie de Marseille", "13055", "Marseille", "13", "93",
                List.of(Technology.DRONES), List.of(), "AGREEMENT", LocalDate.of(2024, 1, 8), null, null);
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            for (ObtainedDocuments.Source source : ObtainedDocuments.ALL) {
                rebuild.add(source.pages());
                Thread.sleep(20);
                if (source == MARSEILLE) {
                    // Ingest goes on during the rebuild: searchable at once, and kept by the rebuilt index.
                    index.index(List.of(late));
                    assertThat(total("drone")).isEqualTo(1);
                }
            }
            assertThatThrownBy(index::startRebuild).isInstanceOf(ConflictException.class);
            rebuild.complete();
            assertThat(rebuild.pages()).isEqualTo(11);
        }
        Thread.sleep(50);
        searching.set(false);
        searches.get(5, TimeUnit.SECONDS);
        researcher.shutdown();

        // Searches saw the whole old index, then the whole new one: never a half-built one.
        assertThat(seen).containsExactlyInAnyOrder(11L, 12L);
        assertThat(index.count()).isEqualTo(12);
        assertThat(total("drone")).isEqualTo(1);
        assertThat(index.currentFolder()).isNotEqualTo(before);
        assertThat(before).doesNotExist();
        index.close();
        assertThat(open().count()).isEqualTo(12);
    }

    @Test
    void an_abandoned_rebuild_leaves_the_index_as_it_was() {
        open().index(NIMES.pages());
        Path before = index.currentFolder();
        Path abandoned;
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(NICE.pages());
            abandoned = index.currentFolder().resolveSibling("gen-000002");
            assertThat(abandoned).exists();
        }
        assertThat(abandoned).doesNotExist();
        assertThat(index.currentFolder()).isEqualTo(before);
        assertThat(index.count()).isEqualTo(3);
        assertThat(total("Wintics")).isZero();
    }

    @Test
    void the_reindex_job_rebuilds_from_a_stream_of_pages() {
        open().index(NIMES.pages());
        long pages = index.rebuild(Stream.of(NICE, MARSEILLE).flatMap(source -> source.pages().stream()));
        assertThat(pages).isEqualTo(5);
        assertThat(index.count()).isEqualTo(5);
        assertThat(total("Briefcam")).isZero();
        assertThat(total("Wintics")).isPositive();
    }
}

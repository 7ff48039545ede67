package fr.lanterne.search;

import fr.lanterne.shared.ConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders of the index, the writers and searchers of the one in use, and the threads that serve them.
 *
 * <p><b>Generations.</b> Each index lives in a numbered sub-folder ({@code gen-000001}); the file {@code current} names
 * the one in use. A rebuild fills a new sub-folder with its own writer while searches and ingest go on against the
 * current one (ingest writes to both meanwhile), then switches {@code current} and the searcher at once and deletes
 * the old folder. Searches never see a half-built index, a failed or abandoned rebuild leaves the current index
 * untouched, and the new index has no deleted documents to carry. (Deleting all then re-adding under the one writer
 * would either show a half-empty index to searches or hold back every refresh, ingest's included, until the end.)
 *
 * <p><b>Lock.</b> Searches and writes hold it shared; switching to a rebuilt index holds it exclusively, as do starting
 * and abandoning a rebuild and closing.
 *
 * <p><b>Commits.</b> {@link #commit()} makes completed writes durable; a background thread commits every
 * {@link LuceneSearchIndex.Options#commitInterval()} what other writes left.
 */
final class IndexGenerations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);
    private static final String CURRENT = "current";
    private static final String GENERATION = "gen-";

    /** Changes to one index writer; a write goes to the index in use and, during a rebuild, to the new one too. */
    interface Write {
        void to(IndexWriter writer) throws IOException;
    }

    /** Work on a point-in-time searcher. */
    interface SearcherWork<T> {
        T apply(PageSearcher searcher) throws IOException;
    }

    private final Path folder;
    private final LuceneSearchIndex.Options options;
    private final Analyzer analyzer;
    private final FacetsConfig facetsConfig;
    /** Shared by all searches: a search over a million pages runs on every core. Null for one thread. */
    private final ExecutorService searchThreads;
    private final SearcherFactory searcherFactory;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private volatile Generation live;
    private volatile LuceneRebuild rebuilding;
    private volatile boolean closed;

    IndexGenerations(Path folder, LuceneSearchIndex.Options options, Analyzer analyzer, FacetsConfig facetsConfig,
                     DocumentBlocks documentBlocks) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
        this.analyzer = analyzer;
        this.facetsConfig = facetsConfig;
        searchThreads = options.searchThreads() == 1 ? null
                : Executors.newFixedThreadPool(options.searchThreads(), daemon("search"));
        searcherFactory = PageSearcher.factory(facetsConfig, searchThreads, documentBlocks);
        try {
            Files.createDirectories(folder);
            live = openCurrent();
            deleteOtherGenerations(live.path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
        committer = Executors.newSingleThreadScheduledExecutor(daemon("search-index-commit"));
        long every = options.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::commitChanges, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes to the index in use and, during a rebuild, to the new index as well (so that it does not miss ingest's
     * writes), then refreshes the searcher: the change is searchable when this returns.
     */
    void write(Write write) {
        lock.readLock().lock();
        try {
            Generation generation = openGeneration();
            LuceneRebuild rebuild = rebuilding;
            write.to(generation.writer);
            if (rebuild != null) {
                write.to(rebuild.generation.writer);
            }
            generation.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs the work on a searcher of the index in use; a switch to a rebuilt index meanwhile does not disturb it. */
    <T> T withSearcher(SearcherWork<T> work) {
        Generation generation;
        IndexSearcher searcher;
        lock.readLock().lock();
        try {
            generation = openGeneration();
            searcher = generation.searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
        try {
            return work.apply((PageSearcher) searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                generation.searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Could not release a searcher", e);
            }
        }
    }

    void commit() {
        lock.readLock().lock();
        try {
            Generation generation = openGeneration();
            if (generation.writer.hasUncommittedChanges()) {
                generation.writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void commitChanges() {
        lock.readLock().lock();
        try {
            if (!closed && live.writer.hasUncommittedChanges()) {
                live.writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not commit the search index in {}; the next attempt follows", folder, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Starts filling a new generation; one rebuild at a time. */
    SearchIndex.Rebuild startRebuild() {
        synchronized (this) {
            if (rebuilding != null) {
                throw new ConflictException("Une reconstruction de l'index de recherche est déjà en cours.",
                        Map.of());
            }
            try {
                Generation generation = open(nextGenerationPath(), OpenMode.CREATE, options.rebuildRamBufferMb());
                LuceneRebuild rebuild = new LuceneRebuild(generation);
                lock.writeLock().lock();
                try {
                    if (closed) {
                        generation.discard();
                        throw new IllegalStateException("The search index is closed");
                    }
                    rebuilding = rebuild;
                } finally {
                    lock.writeLock().unlock();
                }
                log.info("Rebuilding the search index into {}", generation.path);
                return rebuild;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (searchThreads != null) {
            searchThreads.shutdown();
        }
        lock.writeLock().lock();
        try {
            LuceneRebuild rebuild = rebuilding;
            rebuilding = null;
            if (rebuild != null) {
                rebuild.generation.discard();
            }
            live.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The folder of the index in use (for tests). */
    Path currentFolder() {
        return live.path;
    }

    private Generation openGeneration() {
        if (closed) {
            throw new IllegalStateException("The search index in " + folder + " is closed");
        }
        return live;
    }

    private Generation open(Path path, OpenMode mode, double ramBufferMb) throws IOException {
        return new Generation(path, mode, ramBufferMb, analyzer, searcherFactory);
    }

    private Generation openCurrent() throws IOException {
        Path pointer = folder.resolve(CURRENT);
        if (Files.exists(pointer)) {
            Path current = folder.resolve(Files.readString(pointer).strip());
            try {
                return open(current, OpenMode.CREATE_OR_APPEND, options.ramBufferMb());
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                // Derived data: start empty, the reindex job fills it again.
                log.warn("The search index in {} cannot be read ({}); starting an empty one, run the reindex job",
                        current, e.getMessage());
            }
        }
        Generation generation = open(nextGenerationPath(), OpenMode.CREATE, options.ramBufferMb());
        generation.writer.commit();
        writePointer(generation.path);
        return generation;
    }

    private Path nextGenerationPath() throws IOException {
        int last = 0;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                last = Math.max(last, generationNumber(child));
            }
        }
        return folder.resolve(String.format(Locale.ROOT, "%s%06d", GENERATION, last + 1));
    }

    private static int generationNumber(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(GENERATION)) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(GENERATION.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void writePointer(Path generation) throws IOException {
        Path temporary = folder.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, generation.getFileName().toString());
        Files.move(temporary, folder.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Leftovers of rebuilds that did not complete, or of indexes replaced before a crash. */
    private void deleteOtherGenerations(Path keep) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                if (generationNumber(child) > 0 && !child.equals(keep)) {
                    IOUtils.rm(child);
                }
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A rebuild into a new generation. */
    private final class LuceneRebuild implements SearchIndex.Rebuild {

        final Generation generation;
        private final Set<String> added = ConcurrentHashMap.newKeySet();
        private final AtomicLong pages = new AtomicLong();
        private volatile boolean finished;

        LuceneRebuild(Generation generation) {
            this.generation = generation;
        }

        @Override
        public void add(List<PageDocument> pages) {
            if (finished) {
                throw new IllegalStateException("This rebuild is finished");
            }
            try {
                for (Map.Entry<String, List<PageDocument>> entry : PageFields.byDocument(pages).entrySet()) {
                    PageDocument first = entry.getValue().get(0);
                    List<Document> documents = PageFields.toDocuments(facetsConfig, entry.getValue());
                    if (added.add(entry.getKey())) {
                        if (!first.published()) {
                            // The database's pages replace what ingest may have written meanwhile, a published
                            // version included: a document's published pages are given after its pages, if it has.
                            generation.writer.deleteDocuments(PageFields.publishedTerm(first.sha256()));
                        }
                        generation.writer.updateDocuments(PageFields.entryPages(first), documents);
                    } else {
                        generation.writer.addDocuments(documents);
                    }
                }
                // The pages of the documents: their published versions' are not counted again.
                this.pages.addAndGet(pages.stream().filter(page -> !page.published()).count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long pages() {
            return pages.get();
        }

        @Override
        public void complete() {
            if (finished) {
                throw new IllegalStateException("This rebuild is finished");
            }
            Generation previous;
            try {
                generation.writer.commit();
                // As a closing writer would: let the merges that the bulk load started finish, so that searches start
                // on merged segments (a dozen unmerged segments made every search slower) and do not share the cores
                // with those merges. The old index serves searches meanwhile.
                generation.writer.maybeMerge();
                if (generation.writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
                    merges.sync();
                }
                generation.writer.commit();
                // Opens the new searcher, facet state included, before taking the lock that stops searches.
                generation.searchers.maybeRefreshBlocking();
                lock.writeLock().lock();
                try {
                    if (closed) {
                        throw new IllegalStateException("The search index is closed");
                    }
                    generation.searchers.maybeRefreshBlocking();
                    writePointer(generation.path);
                    previous = live;
                    live = generation;
                    rebuilding = null;
                    finished = true;
                } finally {
                    lock.writeLock().unlock();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            previous.discard();
            log.info("Search index rebuilt: {} pages in {}", pages.get(), generation.path);
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            lock.writeLock().lock();
            try {
                if (rebuilding == this) {
                    rebuilding = null;
                }
            } finally {
                lock.writeLock().unlock();
            }
            generation.discard();
            log.info("Search index rebuild abandoned after {} pages", pages.get());
        }
    }
}

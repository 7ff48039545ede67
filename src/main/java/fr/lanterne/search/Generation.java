package fr.lanterne.search;

import fr.lanterne.shared.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One index folder of {@link IndexGenerations} with its writer and searchers. */
final class Generation {

    private static final Logger log = LoggerFactory.getLogger(Generation.class);

    final Path path;
    final FSDirectory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    Generation(Path path, OpenMode mode, double ramBufferMb, Analyzer analyzer, SearcherFactory searcherFactory)
            throws IOException {
        this.path = path;
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode)
                .setRAMBufferSizeMB(ramBufferMb);
        try {
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, searcherFactory);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new ConflictException("L'index de recherche " + path + " est déjà ouvert par une autre "
                    + "instance de Lanterne (le serveur ?) ; une seule à la fois peut l'utiliser : passez par le "
                    + "serveur (page Recherche, /api/search) ou arrêtez-le.", Map.of("index", path.toString()));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }

    /** Drops this index: searches still running on it finish on their open files. */
    void discard() {
        try {
            IOUtils.closeWhileHandlingException(searchers);
            writer.rollback();
            directory.close();
            IOUtils.rm(path);
        } catch (IOException e) {
            log.warn("Could not delete the search index folder {}; it will be deleted at the next start", path, e);
        }
    }
}

package fr.lanterne.ingest;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/** Lets whoever started an ingest job (the command line) follow it file by file. */
@Component
class IngestProgress {

    private volatile BiConsumer<Path, DocumentRecords.Report> listener = (file, report) -> { };

    void listen(BiConsumer<Path, DocumentRecords.Report> listener) {
        this.listener = listener;
    }

    void reported(Path file, DocumentRecords.Report report) {
        listener.accept(file, report);
    }
}

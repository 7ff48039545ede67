package fr.lanterne.web.pages.directory;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactImportProblem;
import fr.lanterne.authorities.ContactImportProgress;
import fr.lanterne.authorities.ContactImportReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Imports of contact files started from the page, run in the background so that the page can show how far they
 * have gone. One at a time: two imports at once would each check the file against the addresses as they were. The
 * last few imports are remembered by this process (not across restarts: the addresses themselves, with their
 * sources, are in the database).
 */
@Component
class DirectoryImports {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);
    private static final int REMEMBERED = 20;

    enum State { RUNNING, DONE, FAILED }

    /**
     * Where an import stands.
     *
     * @param stage "reading" the file, or "writing" its addresses once all of it was found right
     * @param lines lines read so far (entries, for a JSON file), out of {@code totalLines}
     * @param message why it failed, in French
     * @param problems the faulty lines that kept the file from being imported
     */
    record Status(String id, String fileName, long bytes, String startedBy, Instant startedAt, Instant finishedAt,
                  State state, String stage, int lines, int totalLines, ContactImportReport report, String message,
                  List<ContactImportProblem> problems) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** How far reading has gone, 0 to 100. */
        public int percent() {
            return totalLines <= 0 ? 0 : (int) Math.min(100, 100L * lines / totalLines);
        }
    }

    private final Authorities authorities;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    DirectoryImports(Authorities authorities, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
                     Clock clock) {
        this.authorities = authorities;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Starts importing a file already saved in {@code file}, which this class deletes once read.
     *
     * @throws ConflictException when another import is running
     */
    synchronized Status start(String fileName, Path file, String startedBy) throws IOException {
        Optional<Run> running = runs.values().stream().filter(r -> r.state == State.RUNNING).findFirst();
        if (running.isPresent()) {
            Files.deleteIfExists(file);
            throw new ConflictException("Un import est déjà en cours (" + running.get().fileName + ", lancé par "
                    + running.get().startedBy + ") : attendez qu’il finisse, puis recommencez.",
                    Map.of("import", running.get().id));
        }
        Run run = new Run(UUID.randomUUID().toString(), fileName, Files.size(file), startedBy, clock.instant());
        runs.put(run.id, run);
        while (runs.size() > REMEMBERED) {
            runs.remove(runs.keySet().iterator().next());
        }
        try {
            executor.execute(() -> run.execute(file));
        } catch (RuntimeException e) {
            run.fail("L’import n’a pas pu démarrer : " + e.getMessage(), List.of());
            Files.deleteIfExists(file);
        }
        return run.status();
    }

    synchronized Optional<Status> find(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::status);
    }

    /** The imports this process remembers, newest first. */
    synchronized List<Status> recent() {
        List<Status> recent = new ArrayList<>(runs.values().stream().map(Run::status).toList());
        java.util.Collections.reverse(recent);
        return recent;
    }

    /** One import; its counters are written by the importing thread and read by the pages. */
    private final class Run implements ContactImportProgress {
        final String id;
        final String fileName;
        final long bytes;
        final String startedBy;
        final Instant startedAt;
        volatile State state = State.RUNNING;
        volatile String stage = "reading";
        volatile int lines;
        volatile int totalLines;
        volatile Instant finishedAt;
        volatile ContactImportReport report;
        volatile String message;
        volatile List<ContactImportProblem> problems = List.of();

        Run(String id, String fileName, long bytes, String startedBy, Instant startedAt) {
            this.id = id;
            this.fileName = fileName;
            this.bytes = bytes;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        @Override
        public void read(int lines, int total) {
            this.lines = lines;
            this.totalLines = total;
        }

        @Override
        public void writing(int contacts) {
            this.lines = totalLines;
            this.stage = "writing";
        }

        void execute(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                report = authorities.importContacts(fileName, in, startedBy, this);
                lines = Math.max(lines, report.lines());
                finishedAt = clock.instant();
                state = State.DONE;
            } catch (UserError e) {
                @SuppressWarnings("unchecked")
                List<ContactImportProblem> lines = e.details().get("problems") instanceof List<?> list
                        ? (List<ContactImportProblem>) list : List.of();
                fail(e.getMessage().lines().findFirst().orElse(e.getMessage()), lines);
            } catch (IOException | RuntimeException e) {
                log.error("The import of {} failed", fileName, e);
                fail("L’import a échoué sur une erreur inattendue (" + e.getClass().getSimpleName() + ") : rien n’a "
                        + "été enregistré. Le journal du serveur en dit plus.", List.of());
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file {}", file, e);
                }
            }
        }

        void fail(String why, List<ContactImportProblem> faulty) {
            message = why;
            problems = List.copyOf(faulty);
            finishedAt = clock.instant();
            state = State.FAILED;
        }

        Status status() {
            return new Status(id, fileName, bytes, startedBy, startedAt, finishedAt, state, stage, lines, totalLines,
                    report, message, problems);
        }
    }
}

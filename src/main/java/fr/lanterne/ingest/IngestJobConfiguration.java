package fr.lanterne.ingest;

import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job for a folder of files (scans, exports, saved emails): each file in name order, one transaction per
 * file, resuming after the last file done. Taking in the same folder twice adds nothing: each file's intake is
 * recorded once per source and content.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingestFolder";
    static final String FOLDER = "folder";

    /** The folder's files, in a stable order, resuming after the last one done. */
    static class FolderReader implements ItemStreamReader<Path> {
        private static final String NEXT = "ingest.folder.next";
        private final Path folder;
        private List<Path> files;
        private int next;

        FolderReader(Path folder) {
            this.folder = folder;
        }

        @Override
        public void open(ExecutionContext context) {
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder, e);
            }
            next = context.getInt(NEXT, 0);
        }

        @Override
        public Path read() {
            return next < files.size() ? files.get(next++) : null;
        }

        @Override
        public void update(ExecutionContext context) {
            context.putInt(NEXT, next);
        }
    }

    @Bean
    @StepScope
    FolderReader folderReader(@Value("#{jobParameters['folder']}") String folder) {
        return new FolderReader(Path.of(folder));
    }

    /** Takes each file in; the report of each goes to the listener, for the command line's progress. */
    static class FileWriter implements ItemWriter<Path> {
        private final Documents documents;
        private final IngestProgress progress;
        private final String by;

        FileWriter(Documents documents, IngestProgress progress, String by) {
            this.documents = documents;
            this.progress = progress;
            this.by = by;
        }

        @Override
        public void write(Chunk<? extends Path> chunk) {
            for (Path file : chunk) {
                Report report = documents.ingest(file, new Source(DocumentRecords.Channel.FOLDER,
                        file.toAbsolutePath().normalize().toString(), null, by));
                progress.reported(file, report);
            }
        }
    }

    @Bean
    @StepScope
    FileWriter folderFileWriter(Documents documents, IngestProgress progress,
                                @Value("#{jobParameters['by']}") String by) {
        return new FileWriter(documents, progress, by);
    }

    @Bean
    Step ingestFiles(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     FolderReader folderReader, FileWriter folderFileWriter) {
        return new StepBuilder("ingestFiles", jobRepository)
                .<Path, Path>chunk(1)
                .transactionManager(transactionManager)
                .reader(folderReader)
                .writer(folderFileWriter)
                .build();
    }

    @Bean
    Job ingestFolderJob(JobRepository jobRepository, Step ingestFiles) {
        return new JobBuilder(JOB_NAME, jobRepository).start(ingestFiles).build();
    }
}

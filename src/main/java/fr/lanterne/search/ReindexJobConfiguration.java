package fr.lanterne.search;

import fr.lanterne.ingest.Documents;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reindex job: rebuilds the search index from the database, every page of every document, into a new index that
 * replaces the old one at once when complete (searches go on meanwhile; documents ingested meanwhile reach both).
 * The index is derived data: a run that fails leaves the old index in place, and running the job again starts over.
 */
@Configuration(proxyBeanMethods = false)
class ReindexJobConfiguration {

    static final String JOB_NAME = "reindexSearch";
    private static final int PAGE = 200;

    /** Every document's hash, a page of the table at a time. */
    static class DocumentHashes implements ItemReader<String> {
        private final Documents documents;
        private String last = "";
        private Iterator<String> page = List.<String>of().iterator();
        private boolean exhausted;

        DocumentHashes(Documents documents) {
            this.documents = documents;
        }

        @Override
        public String read() {
            if (!page.hasNext() && !exhausted) {
                List<String> next = documents.documentsAfter(last, PAGE);
                exhausted = next.size() < PAGE;
                page = next.iterator();
            }
            if (!page.hasNext()) {
                return null;
            }
            last = page.next();
            return last;
        }
    }

    /** Writes each chunk's pages into the rebuild, and switches to it when the step completes. */
    static class RebuildWriter implements ItemWriter<List<PageDocument>>, StepExecutionListener {
        private final SearchIndex index;
        private SearchIndex.Rebuild rebuild;

        RebuildWriter(SearchIndex index) {
            this.index = index;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            rebuild = index.startRebuild();
        }

        @Override
        public void write(Chunk<? extends List<PageDocument>> chunk) {
            List<PageDocument> pages = new ArrayList<>();
            chunk.forEach(pages::addAll);
            rebuild.add(pages);
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            try {
                if (ExitStatus.COMPLETED.getExitCode().equals(stepExecution.getExitStatus().getExitCode())) {
                    rebuild.complete();
                    stepExecution.getExecutionContext().putLong("pages", rebuild.pages());
                }
            } finally {
                rebuild.close();
                rebuild = null;
            }
            return stepExecution.getExitStatus();
        }
    }

    @Bean
    @StepScope
    DocumentHashes reindexReader(Documents documents) {
        return new DocumentHashes(documents);
    }

    @Bean
    @StepScope
    RebuildWriter reindexWriter(SearchIndex searchIndex) {
        return new RebuildWriter(searchIndex);
    }

    @Bean
    Step reindexDocuments(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          DocumentHashes reindexReader, DocumentPages documentPages, RebuildWriter reindexWriter) {
        // Each document with its published version, if it has one: the rebuilt index has visitors' entries too.
        ItemProcessor<String, List<PageDocument>> pages = sha256 -> documentPages.entries(sha256)
                .filter(list -> !list.isEmpty()).orElse(null);
        return new StepBuilder("reindexDocuments", jobRepository)
                .<String, List<PageDocument>>chunk(50)
                .transactionManager(transactionManager)
                .reader(reindexReader)
                .processor(pages)
                .writer(reindexWriter)
                .listener(reindexWriter)
                .build();
    }

    @Bean
    Job reindexSearchJob(JobRepository jobRepository, Step reindexDocuments) {
        return new JobBuilder(JOB_NAME, jobRepository).start(reindexDocuments).build();
    }
}

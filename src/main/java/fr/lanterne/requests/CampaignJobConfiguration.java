package fr.lanterne.requests;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.letters.Letters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The campaign job, in reading order. Each step is safe to run again after a crash:
 * <ol>
 * <li>{@code createRequests}: one request per target of the campaign's fixed list; a target gets a request or an
 * outcome saying why not, once (the reader skips targets already done);</li>
 * <li>{@code writeLetters}: the letter of each draft, written to files then recorded in the same chunk as the move
 * to QUEUED; a crash rewrites the same files;</li>
 * <li>{@code sendEmails}: each email is committed SENDING before it leaves and SENT after (see
 * {@link RequestDispatcher}), outside any long transaction;</li>
 * <li>{@code printLetters}: the letters to post, merged into PDFs to print.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class CampaignJobConfiguration {

    private static final int LETTERS_PER_PRINT_FILE = 500;

    // --- 1. create the requests --------------------------------------------------------------------------------

    @Bean
    @StepScope
    JdbcPagingItemReader<CampaignStore.Target> campaignTargetReader(
            DataSource dataSource, @Value("#{jobParameters['campaignId']}") Long campaignId) throws Exception {
        return new JdbcPagingItemReaderBuilder<CampaignStore.Target>()
                .name("campaignTargetReader")
                .dataSource(dataSource)
                .selectClause("SELECT campaign_id, position, authority_id, template_id")
                .fromClause("FROM campaign_target")
                .whereClause("WHERE campaign_id = :campaignId AND request_id IS NULL AND outcome IS NULL")
                .parameterValues(Map.of("campaignId", campaignId))
                .sortKeys(Map.of("position", Order.ASCENDING))
                .rowMapper((rs, n) -> new CampaignStore.Target(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getString(4)))
                .pageSize(500)
                .build();
    }

    @Bean
    CampaignRequestWriter campaignRequestWriter(CampaignStore campaigns, RequestStore requests,
                                                Authorities authorities, RequestsProperties properties, Clock clock) {
        return new CampaignRequestWriter(campaigns, requests, authorities, properties, clock);
    }

    @Bean
    Step createRequests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        JdbcPagingItemReader<CampaignStore.Target> campaignTargetReader,
                        CampaignRequestWriter campaignRequestWriter) {
        return new StepBuilder("createRequests", jobRepository)
                .<CampaignStore.Target, CampaignStore.Target>chunk(500)
                .transactionManager(transactionManager)
                .reader(campaignTargetReader)
                .writer(campaignRequestWriter)
                .build();
    }

    // --- 2. write the letters ----------------------------------------------------------------------------------

    /** The drafts of the campaign, whole (by column name, as {@link RequestStore#request} reads them). */
    @Bean
    @StepScope
    JdbcPagingItemReader<Request> campaignDraftReader(DataSource dataSource,
                                                      @Value("#{jobParameters['campaignId']}") Long campaignId)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<Request>()
                .name("campaignDraftReader")
                .dataSource(dataSource)
                .selectClause("SELECT *")
                .fromClause("FROM request")
                .whereClause("WHERE campaign_id = :campaignId AND status = 'DRAFT'")
                .parameterValues(Map.of("campaignId", campaignId))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper(RequestStore::request)
                .pageSize(200)
                .build();
    }

    @Bean
    Step writeLetters(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      JdbcPagingItemReader<Request> campaignDraftReader, LetterWriter letterWriter,
                      Authorities authorities, CampaignStore campaigns, Clock clock) {
        return new StepBuilder("writeLetters", jobRepository)
                .<Request, Request>chunk(200)
                .transactionManager(transactionManager)
                .reader(campaignDraftReader)
                .writer(new LetterChunkWriter(letterWriter, authorities, campaigns, clock))
                .build();
    }

    /**
     * Renders the letters of a chunk on every core (PDF rendering is the campaign's bottleneck), then moves each
     * draft to QUEUED through the {@link Request} aggregate, as a single request does, and records them in a few
     * statements.
     */
    static final class LetterChunkWriter implements ItemWriter<Request> {
        private final LetterWriter letterWriter;
        private final Authorities authorities;
        private final CampaignStore campaigns;
        private final Clock clock;
        private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        LetterChunkWriter(LetterWriter letterWriter, Authorities authorities, CampaignStore campaigns, Clock clock) {
            this.letterWriter = letterWriter;
            this.authorities = authorities;
            this.campaigns = campaigns;
            this.clock = clock;
        }

        @Override
        public void write(Chunk<? extends Request> chunk) throws Exception {
            List<? extends Request> drafts = chunk.getItems();
            Map<Long, Authority> byId = authorities.authoritiesById(
                    drafts.stream().map(d -> d.state().authorityId()).distinct().toList());
            LocalDate today = LocalDate.now(clock);
            List<Future<String>> files = new ArrayList<>(drafts.size());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (Request draft : drafts) {
                    Request.State s = draft.state();
                    files.add(pool.submit(() -> letterWriter.write(s.reference(), letterWriter.compose(s.reference(),
                            s.templateId(), byId.get(s.authorityId()), today))));
                }
                List<Request> written = new ArrayList<>(drafts.size());
                Instant now = clock.instant();
                for (int i = 0; i < drafts.size(); i++) {
                    written.add(drafts.get(i).letterRendered(files.get(i).get(), now).queue("lanterne", now));
                }
                campaigns.lettersWritten(written);
            } finally {
                pool.shutdown();
            }
        }
    }

    // --- 3. send the emails ------------------------------------------------------------------------------------

    @Bean
    Step sendEmails(JobRepository jobRepository, RequestDispatcher dispatcher) {
        return new StepBuilder("sendEmails", jobRepository)
                .tasklet((contribution, context) -> {
                    Long campaignId = context.getStepContext().getStepExecution().getJobParameters()
                            .getLong(Campaigns.CAMPAIGN_ID);
                    dispatcher.recoverInterrupted();
                    RequestDispatcher.Report report = dispatcher.sendDue(campaignId, 20, () -> { });
                    contribution.incrementWriteCount(report.total());
                    return report.total() == 0 ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
                }, new ResourcelessTransactionManager()) // each email commits its own states: see RequestDispatcher
                .build();
    }

    // --- 4. the letters to post --------------------------------------------------------------------------------

    @Bean
    Step printLetters(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      CampaignStore campaigns, LetterWriter letterWriter, Letters letters,
                      DataDirectory dataDirectory) {
        return new StepBuilder("printLetters", jobRepository)
                .tasklet((contribution, context) -> {
                    long campaignId = context.getStepContext().getStepExecution().getJobParameters()
                            .getLong(Campaigns.CAMPAIGN_ID);
                    List<String> files = campaigns.letterFiles(campaignId, Channel.POST);
                    if (!files.isEmpty()) {
                        Path folder = dataDirectory.folder("campaigns").resolve(Long.toString(campaignId));
                        mergeForPrinting(campaignId, files, folder, letterWriter, letters);
                        campaigns.printFile(campaignId, dataDirectory.root().relativize(folder).toString());
                    }
                    contribution.incrementWriteCount(files.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * The letters in the campaign's order (its list is sorted by INSEE code, so by département), in files of
     * {@value #LETTERS_PER_PRINT_FILE} letters: PDFBox keeps a merged document's pages in memory until it is saved.
     * Each letter starts on a new sheet when printed on both sides (a blank back after a letter of an odd number of
     * pages), and a file printed on one side only simply has blank pages to take out.
     */
    private static void mergeForPrinting(long campaignId, List<String> letterFiles, Path folder,
                                         LetterWriter letterWriter, Letters letters) throws IOException {
        Files.createDirectories(folder);
        int count = (letterFiles.size() + LETTERS_PER_PRINT_FILE - 1) / LETTERS_PER_PRINT_FILE;
        for (int n = 0; n < count; n++) {
            String name = String.format("a-poster-%03d.pdf", n + 1);
            List<Path> batch = letterFiles.subList(n * LETTERS_PER_PRINT_FILE,
                    Math.min(letterFiles.size(), (n + 1) * LETTERS_PER_PRINT_FILE)).stream()
                    .map(letterWriter::pdf).toList();
            Path target = folder.resolve(name);
            Path partial = folder.resolve(name + ".partial");
            letters.mergeForPrinting("Campagne n° " + campaignId + " – lettres à poster (" + (n + 1) + "/" + count
                    + ")", batch, true, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    // --- the job -----------------------------------------------------------------------------------------------

    @Bean
    Job campaignJob(JobRepository jobRepository, Step createRequests, Step writeLetters, Step sendEmails,
                    Step printLetters, CampaignJobListener listener) {
        return new JobBuilder(Campaigns.JOB_NAME, jobRepository)
                .listener(listener)
                .start(createRequests)
                .next(writeLetters)
                .next(sendEmails)
                .next(printLetters)
                .build();
    }
}

package fr.lanterne.letters;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.requests.CampaignProgress;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign to every current commune of France (34,969 town halls, by post: letters and rows, no sending), against
 * the raw PDFBox rendering rate of the same letter, on as many threads as the campaign uses, in the same run.
 * Run with {@code mvn -Pbench verify -Dit.test=CampaignBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "lanterne.data-dir=target/bench-campaign",
        "lanterne.database.binaries-dir=target/mariadb-binaries",
        "lanterne.scheduling.enabled=false",
        "lanterne.requests.mailbox=demandes@lanterne.test",
        "lanterne.requests.requester.name=Camille Martin",
        "lanterne.requests.requester.place=Nice"})
@org.springframework.context.annotation.Import(fr.lanterne.TestIdentity.AtStart.class)
class CampaignBenchmark {

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    Letters letters;

    @Test
    void a_campaign_to_every_commune() throws Exception {
        forgetEarlierRuns();
        givePostalAddressesToEveryTownHall();
        int threads = Runtime.getRuntime().availableProcessors();
        double raw = rawRate(threads, 4_000);

        long start = System.nanoTime();
        long id = campaigns.create(new NewCampaign("France entière", List.of("vsa"),
                new CampaignTargets(List.of(), null, 0, false, List.of()), Channel.POST), "bench");
        double planning = seconds(start);
        start = System.nanoTime();
        CampaignProgress done = campaigns.run(id, p -> { });
        double running = seconds(start);
        Steps steps = steps(id);
        int letters = done.created();
        double letterSeconds = planning + steps.createRequests + steps.writeLetters;
        double rate = letters / letterSeconds;
        BenchmarkReport.write("campaign", List.of(
                        BenchmarkReport.row("Plan the campaign: 34,969 targets chosen, checked, stored", List.of(planning)),
                        BenchmarkReport.row("Job step createRequests (references, rows, timeline)", List.of(steps.createRequests)),
                        BenchmarkReport.row("Job step writeLetters (compose, PDF, files, rows)", List.of(steps.writeLetters)),
                        BenchmarkReport.row("Job step printLetters (merge into PDFs of 500 letters)", List.of(steps.printLetters)),
                        BenchmarkReport.row("Whole campaign, plan to print files", List.of(planning + running))),
                String.format(java.util.Locale.ROOT, "Requests created: %d (job %s). Letters per second, plan to "
                        + "letters on disk: %.0f. Raw PDFBox rendering of the same letter on %d threads, writing each "
                        + "to a file, same run: %.0f letters/s. Ratio: %.2f.", letters, done.state(), rate, threads,
                        raw, rate / raw));
    }

    private record Steps(double createRequests, double writeLetters, double printLetters) {
    }

    private Steps steps(long campaignId) {
        JobInstance instance = jobRepository.getJobInstance("campaign",
                new JobParametersBuilder().addLong("campaignId", campaignId).toJobParameters());
        JobExecution execution = jobRepository.getLastJobExecution(instance);
        double create = 0;
        double write = 0;
        double print = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
            switch (step.getStepName()) {
                case "createRequests" -> create = seconds;
                case "writeLetters" -> write = seconds;
                case "printLetters" -> print = seconds;
                default -> { }
            }
        }
        return new Steps(create, write, print);
    }

    /** The same letter drawn by a plain PDFBox program, each written to a file, on {@code threads} threads. */
    private double rawRate(int threads, int count) throws Exception {
        Letter letter = letters.compose("vsa", Fixtures.request());
        List<PdfLetterRenderer.Page> pages = new PdfLetterRenderer(LetterFont.packaged(), Clock.systemUTC()).layout(letter);
        byte[] fontBytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LetterFont.RESOURCE)) {
            fontBytes = in.readAllBytes();
        }
        Path folder = Files.createDirectories(dataDirectory.root().resolve("raw-letters"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                int n = round == 0 ? count / 4 : count;
                long start = System.nanoTime();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
                        font.setEnableGsub(false);
                        for (int i = thread; i < n; i += threads) {
                            try (OutputStream out = Files.newOutputStream(folder.resolve(i + ".pdf"))) {
                                draw(pages, font, out);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                if (round == 1) {
                    return n / seconds(start);
                }
            }
        } finally {
            pool.shutdown();
        }
        throw new IllegalStateException();
    }

    private static void draw(List<PdfLetterRenderer.Page> pages, TrueTypeFont parsed, OutputStream out)
            throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, parsed, true);
            for (PdfLetterRenderer.Page content : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    stream.beginText();
                    for (PdfLetterRenderer.Line line : content.lines()) {
                        stream.setFont(font, line.size());
                        stream.setTextMatrix(Matrix.getTranslateInstance(line.x(), line.y()));
                        stream.showText(line.text());
                    }
                    stream.endText();
                }
            }
            document.save(out);
        }
    }

    private void forgetEarlierRuns() {
        jdbc.sql("DELETE FROM request_event").update();
        jdbc.sql("DELETE FROM campaign_target").update();
        jdbc.sql("DELETE FROM request").update();
        jdbc.sql("DELETE FROM campaign").update();
    }

    private void givePostalAddressesToEveryTownHall() {
        jdbc.sql("""
                INSERT INTO authority_contact (authority_id, source, source_reference, postal_address, recorded_at,
                    recorded_by)
                SELECT a.id, 'REFERENCE', 'benchmark',
                       CONCAT('Hôtel de ville\\n', COALESCE(SUBSTRING_INDEX(c.postal_codes, ' ', 1), ''), ' ', c.name),
                       NOW(6), 'benchmark'
                FROM authority a JOIN commune c ON c.insee = a.commune_insee AND c.kind = 'COMMUNE'
                WHERE a.kind = 'TOWN_HALL' AND a.active
                  AND NOT EXISTS (SELECT 1 FROM authority_contact x WHERE x.authority_id = a.id)""").update();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

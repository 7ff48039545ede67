package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Reread;
import fr.lanterne.ingest.DocumentRecords.RereadAttempt;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import fr.lanterne.web.PageSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * A stored document read again: a scan taken in while OCR could not run, read once it can (through the document's
 * page, and in the batch of documents needing OCR); a text document whose decided links and receipts stay; the
 * refusals.
 */
@LanterneIntegrationTest
class DocumentRereadIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtpAndImap();

    @Autowired
    Documents documents;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient client;

    @Autowired
    ApplicationContext context;

    // What the application's Documents is made of, to build one reading with other settings: the shared context
    // reads with the settings of its properties, and another property set would start another context.
    @Autowired
    IngestSettings settings;

    @Autowired
    OcrSupport ocr;

    @Autowired
    DocumentStore store;

    @Autowired
    BlobStore blobs;

    @Autowired
    DocumentClassifier classifier;

    @Autowired
    StateAdvisor advisor;

    @Autowired
    DocumentMatching matching;

    @Autowired
    VocabularyCache vocabulary;

    @Autowired
    DocumentQueries queries;

    @Autowired
    DocumentDecisions decisions;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    private RequestDetails request;

    @BeforeEach
    void aSentRequestToNimes() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of("mairie-30189"));
        authorities.setContact("mairie-30189", new ContactDetails("courrier@ville-nimes.test", null, null, null), "test");
        request = requests.create(new NewRequest("30189", "vsa", Channel.EMAIL, false), TestUsers.VOLUNTEER);
        requests.sendDue(100);
    }

    @Test
    void a_scan_taken_in_without_ocr_is_read_from_its_page_once_tesseract_reads_it() {
        String sha256 = scanTakenInWithoutOcr();
        Details stored = documents.details(sha256);
        assertThat(stored.needsOcr()).isTrue();
        assertThat(documents.page(sha256, 1).text()).isBlank();
        assertThat(documents.page(sha256, 1).needsOcr()).isTrue();

        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);
        assertThat(researcher.page("/documents/" + sha256)).doesNotContain("Relire le document");
        assertThat(researcher.post("/documents/" + sha256 + "/relecture", Map.of()).getStatus().value())
                .isEqualTo(403);
        client.post().uri("/api/documents/{sha}/reread", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(documents.details(sha256).needsOcr()).isTrue();

        assumeTrue(tesseractReads(), "Tesseract with French and English is not installed, or OCR is off");
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page("/documents/" + sha256)).contains("Relire le document")
                .contains("Des pages sont des images sans texte");
        String page = volunteer.follow(volunteer.post("/documents/" + sha256 + "/relecture", Map.of()));
        assertThat(page).contains("Document relu : 1 page, dont 1 lue par reconnaissance de caractères")
                .contains("le texte d’une page a changé")
                .contains("Toutes les pages ont maintenant du texte.")
                .doesNotContain("Des pages sont des images sans texte")
                .contains("texte reconnu (OCR)");

        Details reread = documents.details(sha256);
        assertThat(reread.needsOcr()).isFalse();
        assertThat(reread.ocredPages()).isEqualTo(1);
        assertThat(reread.receipts()).as("the receipts stay").hasSize(1);
        assertThat(reread.requestReference()).isEqualTo(request.reference().value());
        DocumentRecords.Page first = documents.page(sha256, 1);
        assertThat(first.ocred()).isTrue();
        assertThat(first.needsOcr()).isFalse();
        assertThat(first.text().toLowerCase()).contains("conseil municipal").contains("saint-exemple");
    }

    @Test
    void every_document_needing_ocr_is_read_again_and_reported() {
        assumeTrue(tesseractReads(), "Tesseract with French and English is not installed, or OCR is off");
        String sha256 = scanTakenInWithoutOcr();

        List<RereadAttempt> told = new ArrayList<>();
        List<RereadAttempt> attempts = documents.rereadNeedingOcr("alice", told::add);

        assertThat(told).isEqualTo(attempts);
        RereadAttempt attempt = attempts.stream().filter(a -> a.sha256().equals(sha256)).findFirst().orElseThrow();
        assertThat(attempt.isDone()).as(String.valueOf(attempt.refusal())).isTrue();
        assertThat(attempt.reread().neededOcr()).isTrue();
        assertThat(attempt.reread().needsOcr()).isFalse();
        assertThat(attempt.reread().ocredPages()).isEqualTo(1);
        assertThat(documents.page(sha256, 1).text().toLowerCase()).contains("conseil municipal");
        assertThat(documents.rereadNeedingOcr("alice", a -> { })).extracting(RereadAttempt::sha256)
                .doesNotContain(sha256);
    }

    @Test
    void reading_a_text_document_again_keeps_its_receipts_request_and_decided_links() throws Exception {
        byte[] pdf = TestDocuments.textPdf("Marché " + UUID.randomUUID(), List.of(List.of(
                "Marché de vidéosurveillance algorithmique : logiciel Briefcam pour les caméras de la ville.")));
        Report report = documents.upload("marche.pdf", pdf, request.reference().value(), TestUsers.VOLUNTEER);
        String sha256 = report.items().get(0).sha256();
        Details before = documents.details(sha256);
        assertThat(before.links()).as("Nîmes's Briefcam deployment, proposed").isNotEmpty();
        long deployment = before.links().get(0).deploymentId();
        assertThat(PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD).page("/documents/" + sha256))
                .as("a proposed link waits for a volunteer's decision").contains(">Confirmer<").contains(">Rejeter<");
        documents.decideLink(sha256, deployment, false, TestUsers.VOLUNTEER);

        Reread reread = documents.reread(sha256, TestUsers.VOLUNTEER);

        assertThat(reread.changedPages()).isZero();
        assertThat(reread.kindChanged()).isFalse();
        assertThat(reread.newMentions()).isEmpty();
        assertThat(reread.newLinks()).as("a rejected link is not proposed again").isZero();
        Details after = documents.details(sha256);
        assertThat(after.links()).contains(new DocumentRecords.Link(deployment, "REJECTED"));
        assertThat(after.receipts()).isEqualTo(before.receipts());
        assertThat(after.requestReference()).isEqualTo(request.reference().value());
        assertThat(after.mentions()).isEqualTo(before.mentions());
        assertThat(after.title()).isEqualTo(before.title());

        StringWriter out = new StringWriter();
        assertThat(command(out, "reread", sha256)).isZero();
        assertThat(out.toString()).contains(sha256 + "  marche.pdf")
                .contains("relu : 1 page, dont 0 lue par OCR ; texte changé sur 0 page ; toutes les pages "
                        + "ont du texte.")
                .contains("Total : 1 document relu");
    }

    @Test
    void a_file_that_can_no_longer_be_read_or_an_unknown_document_is_refused_and_nothing_changes() throws Exception {
        byte[] pdf = TestDocuments.textPdf("Convention " + UUID.randomUUID(), List.of(
                List.of("Convention de vidéoprotection entre la commune et l'État."), List.of("Annexe")));
        String sha256 = documents.upload("convention.pdf", pdf, request.reference().value(), TestUsers.VOLUNTEER).items()
                .get(0).sha256();
        Details before = documents.details(sha256);
        Documents withLowerLimit = reading(settings.withMaxPages(1));

        assertThatThrownBy(() -> withLowerLimit.reread(sha256, TestUsers.VOLUNTEER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("« convention.pdf » n'a pas pu être relu, rien n'a changé")
                .hasMessageContaining("nombre maximal de pages");
        assertThat(documents.details(sha256)).isEqualTo(before);

        String unknown = "0".repeat(64);
        assertThatThrownBy(() -> documents.reread(unknown, TestUsers.VOLUNTEER))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Aucun document n'a l'empreinte " + unknown + ".");
        client.post().uri("/api/documents/{sha}/reread", unknown)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Aucun document n'a l'empreinte " + unknown + ".");
        client.post().uri("/api/documents/{sha}/reread", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.pages").isEqualTo(2).jsonPath("$.needsOcr").isEqualTo(false);

        StringWriter out = new StringWriter();
        assertThat(command(out, "reread", unknown)).isEqualTo(1);
        assertThat(out.toString()).contains("refusé : Aucun document n'a l'empreinte " + unknown);
    }

    /** A scan uploaded while OCR could not run: another document each time (its title differs). */
    private String scanTakenInWithoutOcr() {
        Documents withoutOcr = reading(settings.withOcrEnabled(false));
        Report report = transaction.execute(status -> withoutOcr.upload("scan.pdf",
                TestDocuments.scannedPdf(false, "Scan " + UUID.randomUUID()), request.reference().value(),
                TestUsers.VOLUNTEER));
        DocumentRecords.Item item = report.items().get(0);
        assertThat(item.result()).isEqualTo(Result.INGESTED);
        return item.sha256();
    }

    /** Documents as the application builds it, reading with other settings. */
    private Documents reading(IngestSettings other) {
        Intake intake = new Intake(new TextExtractor(other, ocr), new ReferenceFinder());
        return new Documents(new DocumentIntake(intake, store, blobs, classifier, advisor, matching, vocabulary,
                requests, context, clock), new DocumentRereading(intake, queries, store, blobs, classifier, matching,
                vocabulary, context, transaction), decisions, queries);
    }

    private boolean tesseractReads() {
        return settings.ocrEnabled() && ocr.available();
    }

    /** Runs an {@code ingest} subcommand as the command line parses it, in this application's context. */
    private int command(StringWriter out, String... args) throws Exception {
        CommandLine.ParseResult parsed = new CommandLine(new IngestCommand()).parseArgs(args);
        fr.lanterne.cli.CliCommand command = (fr.lanterne.cli.CliCommand) parsed.subcommand().commandSpec()
                .userObject();
        return command.execute(context, new PrintWriter(out, true));
    }
}

package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.requests.TimelineEvent;
import fr.lanterne.users.Users;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What comes back, through every door: an upload with its reference, a folder of good and bad files, and a real IMAP
 * mailbox (GreenMail) holding replies and a bounce.
 */
@LanterneIntegrationTest
class IngestIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtpAndImap();

    @Autowired
    Documents documents;

    @Autowired
    MailboxReader mailbox;

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
    void an_upload_with_its_reference_is_filed_against_its_request_and_the_registry() {
        byte[] pdf = TestDocuments.textPdf("Délibération " + UUID.randomUUID(), List.of(
                List.of("DÉLIBÉRATION DU CONSEIL MUNICIPAL", "Le conseil municipal de Nîmes autorise le maire à signer "
                        + "le marché de vidéosurveillance algorithmique avec la société Briefcam."),
                List.of("Le logiciel Briefcam analyse les images des caméras de vidéoprotection.")));
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_PDF);
        partHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename("deliberation.pdf").build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(pdf, partHeaders));
        String sha256 = sha256(pdf);
        client.post().uri("/api/documents?reference={ref}", request.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.result").isEqualTo("INGESTED")
                .jsonPath("$.document.kind").isEqualTo("DELIBERATION")
                .jsonPath("$.document.pageCount").isEqualTo(2)
                .jsonPath("$.document.requestReference").isEqualTo(request.reference().value())
                .jsonPath("$.document.mentions[?(@.name == 'Briefcam')].pages[*]").value(pages ->
                        assertThat(pages.toString()).contains("1").contains("2"))
                .jsonPath("$.document.links[*].status").value(statuses ->
                        assertThat(statuses.toString()).contains("PROPOSED"));

        client.get().uri("/api/documents/{sha}/pages/2", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.text").value(text -> assertThat((String) text).contains("caméras"));
        client.get().uri("/api/documents/{sha}/pages/9", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/documents/{sha}/file", sha256)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).isEqualTo(pdf);
        client.get().uri("/api/documents/{sha}", sha256).exchange().expectStatus().isUnauthorized();

        Report again = documents.ingest("copie.pdf", pdf, new Source(DocumentRecords.Channel.UPLOAD, "autre envoi",
                request.reference().value(), "alice"));
        assertThat(again.items().get(0).result()).isEqualTo(Result.DUPLICATE);
        assertThat(documents.details(sha256).receipts()).as("one document, two receipts").hasSize(2);
        assertThat(requests.details(request.reference()).timeline())
                .extracting(TimelineEvent::type).contains(EventType.DOCUMENT_RECEIVED);
    }

    @Test
    void every_file_of_a_folder_is_accounted_for_and_a_second_run_adds_nothing() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "ingest-it-folder-" + UUID.randomUUID()));
        byte[] good = TestDocuments.textPdf("CCTP " + UUID.randomUUID(), List.of(List.of("CAHIER DES CLAUSES "
                + "TECHNIQUES PARTICULIÈRES (CCTP) — vidéoprotection urbaine, référence " + request.reference())));
        Files.write(folder.resolve("01-cctp.pdf"), good);
        Files.write(folder.resolve("02-vide.pdf"), new byte[0]);
        Files.write(folder.resolve("03-tronque.pdf"), java.util.Arrays.copyOf(good, good.length / 2));
        Files.write(folder.resolve("04-protege.pdf"), TestDocuments.encrypted(TestDocuments.textPdf("Secret "
                + UUID.randomUUID(), List.of(List.of("confidentiel"))), "motdepasse"));
        Files.write(folder.resolve("05-menteur.docx"), TestDocuments.textPdf("Facture " + UUID.randomUUID(),
                List.of(List.of("FACTURE n° 2026-118 — maintenance des caméras"))));
        Files.write(folder.resolve("06-latin1.txt"), ("Réponse de la mairie " + UUID.randomUUID()
                + " : les documents demandés n'existent pas.").getBytes(Charset.forName("ISO-8859-1")));
        Files.write(folder.resolve("07-bombe.zip"), TestMessages.zipBomb(1L << 30));
        Files.write(folder.resolve("08-sans-piece-jointe.eml"), email("Re: " + request.reference(),
                "Bonjour, nous accusons réception de votre demande " + UUID.randomUUID() + ".", null));

        Report[] first = ingestFolder(folder);
        Map<String, Result> results = results(first);
        assertThat(results).containsEntry("01-cctp.pdf", Result.INGESTED)
                .containsEntry("02-vide.pdf", Result.QUARANTINED)
                .containsEntry("03-tronque.pdf", Result.QUARANTINED)
                .containsEntry("04-protege.pdf", Result.QUARANTINED)
                .containsEntry("05-menteur.docx", Result.INGESTED)
                .containsEntry("06-latin1.txt", Result.INGESTED)
                .containsEntry("07-bombe.zip", Result.QUARANTINED)
                .containsEntry("08-sans-piece-jointe.eml", Result.INGESTED);
        assertThat(documents.quarantine(true, 100)).extracting(DocumentRecords.Quarantined::reason)
                .contains("EMPTY", "TRUNCATED", "ENCRYPTED", "ARCHIVE_LIMITS");
        String latin1 = first[5].items().get(0).sha256();
        assertThat(documents.page(latin1, 1).text()).contains("Réponse de la mairie").contains("n'existent pas");
        assertThat(documents.details(first[0].items().get(0).sha256()).requestReference())
                .as("the reference in the document's text").isEqualTo(request.reference().value());

        Report[] second = ingestFolder(folder);
        assertThat(Stream.of(second).flatMap(r -> r.items().stream()).map(DocumentRecords.Item::result))
                .containsOnly(Result.ALREADY_RECEIVED);
        deleteRecursively(folder);
    }

    @Test
    void replies_read_from_the_mailbox_are_filed_and_a_bounce_marks_the_email_undelivered() throws Exception {
        GreenMailUser box = MAIL.setUser("demandes@lanterne.test", "demandes@lanterne.test", "secret");
        byte[] pdf = TestDocuments.textPdf("Réponse " + UUID.randomUUID(), List.of(List.of(
                "Madame, Monsieur, veuillez trouver ci-joint la convention avec la société Briefcam.")));
        box.deliver(new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(
                email("Votre demande de documents", "Voici les documents demandés (" + UUID.randomUUID() + ").", pdf))));

        RequestDetails other = requests.create(new NewRequest("30189", "cctv", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.sendDue(100);
        box.deliver(bounce(other.reference().value()));

        List<Report> reports = mailbox.poll();
        assertThat(reports).hasSize(2);
        Report reply = reports.stream().filter(r -> r.items().size() > 1).findFirst().orElseThrow();
        assertThat(reply.requestReference()).as("matched by the plus-address it was sent to")
                .isEqualTo(request.reference().value());
        assertThat(reply.items()).as("the email's text, then its attachment").extracting(DocumentRecords.Item::result)
                .containsExactly(Result.INGESTED, Result.INGESTED);
        assertThat(requests.details(request.reference()).timeline())
                .filteredOn(e -> e.type() == EventType.DOCUMENT_RECEIVED)
                .anySatisfy(e -> assertThat(e.detail()).contains("suggère"));
        assertThat(requests.details(other.reference()).status())
                .isEqualTo(RequestStatus.DELIVERY_FAILED);
        assertThat(mailbox.poll()).as("read messages are not taken in again").isEmpty();
    }

    @Test
    void a_scanned_page_is_read_by_ocr_when_tesseract_is_installed() {
        assumeTrue(OcrSupport.detect("fra").available(), "Tesseract with French is not installed");
        Report report = documents.ingest("scan-" + UUID.randomUUID() + ".pdf", TestDocuments.scannedPdf(false),
                new Source(DocumentRecords.Channel.UPLOAD, "scan " + UUID.randomUUID(), request.reference().value(), "alice"));
        DocumentRecords.Item item = report.items().get(0);
        if (item.result() == Result.DUPLICATE) {
            return; // the same scan was read on an earlier run of this test against the same database
        }
        assertThat(item.result()).isEqualTo(Result.INGESTED);
        DocumentRecords.Page page = documents.page(item.sha256(), 1);
        assertThat(page.ocred()).isTrue();
        assertThat(page.text().toLowerCase()).contains("conseil municipal");
    }

    private Report[] ingestFolder(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(f -> documents.ingest(f, new Source(DocumentRecords.Channel.FOLDER,
                    f.toAbsolutePath().toString(), null, "alice"))).toArray(Report[]::new);
        }
    }

    private static Map<String, Result> results(Report[] reports) {
        return Stream.of(reports).collect(Collectors.toMap(r -> Path.of(r.source()).getFileName().toString(),
                r -> r.items().get(0).result() == Result.UNPACKED ? r.items().get(1).result() : r.items().get(0).result()));
    }

    private byte[] email(String subject, String body, byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("courrier@ville-nimes.test", "Mairie de Nîmes", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO,
                InternetAddress.parse("demandes+" + request.reference() + "@lanterne.test"));
        message.setSubject(subject, "UTF-8");
        if (pdf == null) {
            message.setText(body, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            parts.addBodyPart(text);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName("convention.pdf");
            parts.addBodyPart(attachment);
            message.setContent(parts);
        }
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@ville-nimes.test>");
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@ville-nimes.test>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A delivery status notification (RFC 3464) about one of Lanterne's emails. */
    private static MimeMessage bounce(String reference) throws Exception {
        String raw = "From: MAILER-DAEMON@lanterne.test\r\n"
                + "To: demandes@lanterne.test\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@lanterne.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nYour message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.lanterne.test\r\n\r\n"
                + "Final-Recipient: rfc822; courrier@ville-nimes.test\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <courrier@ville-nimes.test>: Recipient address rejected\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: <" + reference + ".1@lanterne.test>\r\n"
                + "X-Lanterne-Reference: " + reference + "\r\n"
                + "Subject: [" + reference + "] Demande de communication\r\n"
                + "--b1--\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

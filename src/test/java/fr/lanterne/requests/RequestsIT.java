package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.DataDirectory;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.client.RestTestClient;

/** One request, from creation to receipt, through a real SMTP server (GreenMail). */
@LanterneIntegrationTest
class RequestsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

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
    LetterWriter letterWriter;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    RequestsProperties properties;

    @Autowired
    fr.lanterne.settings.Settings settings;

    @Autowired
    RequestStore store;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void knownState() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of("mairie-06088", "mairie-04088", "mairie-12138"));
        authorities.setContact("mairie-06088", new ContactDetails("mairie@nice.test", "5 rue de l'Hôtel-de-Ville\n"
                + "06364 Nice Cedex 4", null, null), "test");
        authorities.setContact("mairie-04088", new ContactDetails(null, "Place du Bourguet\n04300 Forcalquier", null,
                null), "test");
    }

    @Test
    void an_email_request_leaves_with_its_reference_reply_address_and_letter() throws Exception {
        // What other tests left queued goes first, so that this test counts only its own email.
        requests.sendDue(10_000);
        MAIL.purgeEmailFromAllMailboxes();
        RequestDetails created = requests.create(new NewRequest("06088", "vsa", Channel.EMAIL, false), "alice");
        assertThat(created.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(created.reference().value()).matches("LNT-\\d{4}-\\d{6}");
        String pdfText = text(requests.letterPdf(created.reference()));
        assertThat(pdfText).contains(created.reference().value()).contains("Mairie de Nice").contains("Camille Martin")
                .contains("L311-9");

        assertThat(requests.sendDue(100)).startsWith("1 envoyée");
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).startsWith("[" + created.reference() + "]");
        assertThat(((InternetAddress) message.getAllRecipients()[0]).getAddress()).isEqualTo("mairie@nice.test");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress())
                .isEqualTo("demandes+" + created.reference() + "@lanterne.test");
        assertThat(message.getMessageID()).isEqualTo("<" + created.reference() + ".1@lanterne.test>");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("L311-9");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(created.reference() + ".pdf");

        RequestDetails sent = requests.details(created.reference());
        assertThat(sent.status()).isEqualTo(RequestStatus.SENT);
        assertThat(sent.timeline()).extracting(TimelineEvent::type).containsExactly(EventType.CREATED,
                EventType.LETTER_RENDERED, EventType.QUEUED, EventType.SENT);
        assertThat(requests.sendDue(100)).as("nothing twice").startsWith("0 envoyée,");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void the_receipt_date_is_recorded_through_the_api_and_a_wrong_one_refused_with_why() {
        RequestDetails created = requests.create(new NewRequest("06088", "cctv", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.sendDue(100);
        String today = LocalDate.now(clock).toString();
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        client.post().uri("/api/requests/{ref}/received", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body("{\"date\": \"" + yesterday + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("précède la date d'envoi"));
        client.post().uri("/api/requests/{ref}/received", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body("{\"date\": \"2026-02-30\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("2026-02-30"));
        client.post().uri("/api/requests/{ref}/received", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\": \"" + today + "\", \"evidence\": \"accusé de réception automatique\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("RECEIVED")
                .jsonPath("$.receivedOn").isEqualTo(today)
                .jsonPath("$.timeline[4].actor").isEqualTo(TestUsers.VOLUNTEER)
                .jsonPath("$.letter").isEqualTo("/api/requests/" + created.reference() + "/letter.pdf")
                .jsonPath("$.deadlines.stage").isEqualTo("WAITING_FOR_ANSWER")
                .jsonPath("$.deadlines.steps[?(@.step == 'IMPLICIT_REFUSAL')].basis[*].article").exists();
        client.get().uri("/api/requests/{ref}/letter.pdf", created.reference())
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF);
    }

    @Test
    void a_volunteer_follows_their_own_and_their_groups_requests_and_nobody_elses() {
        TestUsers.ensure(users, "rq-claire", Role.VOLUNTEER, "Lyon");
        TestUsers.ensure(users, "rq-dominique", Role.VOLUNTEER, "Lyon");
        TestUsers.ensure(users, "rq-eve", Role.VOLUNTEER, null);
        RequestDetails created = requests.create(new NewRequest("06088", "vsa", Channel.EMAIL, false), "rq-claire");
        String uri = "/api/requests/" + created.reference();

        client.get().uri(uri).headers(h -> h.setBasicAuth("rq-dominique", TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/requests").headers(h -> h.setBasicAuth("rq-dominique", TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.reference == '" + created.reference() + "')]").exists();
        for (String stranger : List.of("rq-eve", TestUsers.RESEARCHER)) {
            client.get().uri(uri).headers(h -> h.setBasicAuth(stranger, TestUsers.PASSWORD)).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                            .isEqualTo("Aucune demande n'a la référence " + created.reference() + "."));
            client.get().uri("/api/requests").headers(h -> h.setBasicAuth(stranger, TestUsers.PASSWORD)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.reference == '" + created.reference() + "')]").doesNotExist();
        }
        client.post().uri(uri + "/withdrawal").headers(h -> h.setBasicAuth("rq-eve", TestUsers.PASSWORD)).exchange()
                .expectStatus().isNotFound();
        assertThat(requests.details(created.reference()).status())
                .isNotEqualTo(RequestStatus.WITHDRAWN);
        requests.withdraw(created.reference(), null, "rq-claire");
    }

    @Test
    void never_two_open_requests_for_one_authority_and_template() {
        RequestDetails first = requests.create(new NewRequest("06088", "vsa", null, false), "alice");
        assertThatThrownBy(() -> requests.create(new NewRequest("mairie-06088", "vsa", null, false), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.reference().value());
        // Even bypassing the check, the database refuses the second open request.
        Request second = Request.draft(RequestReference.of(2026, 999_999), store.find(RequestReference.parse(
                first.reference().value())).orElseThrow().state().authorityId(), "06", "vsa", null, Channel.EMAIL, "bob",
                clock.instant());
        assertThatThrownBy(() -> store.insert(List.of(second))).isInstanceOf(ConflictException.class);
        requests.withdraw(first.reference(), null, "alice");
        assertThatThrownBy(() -> requests.create(new NewRequest("06088", "vsa", null, false), "bob"))
                .as("closed, but the same letter within the period is still refused (CRPA L311-2)")
                .hasMessageContaining("L311-2");
    }

    @Test
    void bad_requests_say_what_exists_and_what_is_missing() {
        assertThatThrownBy(() -> requests.create(new NewRequest("06088", "nope", null, false), "alice"))
                .hasMessageContaining("Modèles disponibles").hasMessageContaining("vsa");
        assertThatThrownBy(() -> requests.create(new NewRequest("04088", "vsa", Channel.EMAIL, false), "alice"))
                .hasMessageContaining("Aucune adresse électronique").hasMessageContaining("courrier postal");
        RequestDetails byPost = requests.create(new NewRequest("04088", "vsa", Channel.EMAIL, true), "alice");
        assertThat(byPost.channel()).isEqualTo(Channel.POST);
        assertThatThrownBy(() -> requests.create(new NewRequest("12138", "vsa", null, false), "alice"))
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("Aucune adresse n'est connue"),
                        e -> assertThat(e).hasMessageContaining("L311-2"));
        assertThatThrownBy(() -> requests.create(new NewRequest("06088", "relance", null, false), "alice"))
                .hasMessageContaining("ne sert pas à une première demande");
    }

    @Test
    void a_posted_letter_is_recorded_by_the_volunteer() {
        RequestDetails byPost = requests.create(new NewRequest("04088", "cctv", Channel.POST, false), "alice");
        assertThat(requests.sendDue(100)).startsWith("0 envoyée,");
        RequestDetails posted = requests.recordSent(byPost.reference(), null, "alice");
        assertThat(posted.status()).isEqualTo(RequestStatus.SENT);
        assertThat(posted.sentOn()).isEqualTo(LocalDate.now(clock));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void without_smtp_the_email_is_written_to_the_outbox_and_waits_for_a_person() throws Exception {
        RequestDetails created = requests.create(new NewRequest("06088", "drones-sound", Channel.EMAIL, false), "alice");
        RequestMailer outboxOnly = new RequestMailer(empty(), dataDirectory, properties, letterWriter, settings, clock);
        RequestMailer.Outcome outcome = outboxOnly.send(created.reference(), 1,
                "mairie@nice.test", created.letterFile());
        assertThat(outcome).isInstanceOf(RequestMailer.Outcome.WrittenToOutbox.class);
        Path eml = dataDirectory.root().resolve(((RequestMailer.Outcome.WrittenToOutbox) outcome).file());
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(null, in);
            assertThat(message.getSubject()).startsWith("[" + created.reference() + "]");
        }
    }

    @Test
    void an_unreachable_smtp_server_leaves_the_request_queued_for_a_later_try() {
        RequestDetails created = requests.create(new NewRequest("06088", "drones-sound", Channel.EMAIL, false), "alice");
        JavaMailSenderImpl closed = new JavaMailSenderImpl();
        closed.setHost("127.0.0.1");
        closed.setPort(1); // nothing listens there
        RequestMailer failing = new RequestMailer(provider(closed), dataDirectory, properties, letterWriter, settings,
                clock);
        RequestDispatcher dispatcher = new RequestDispatcher(store, failing, authorities,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), properties, settings, clock);
        assertThat(dispatcher.sendOne(created.reference())).get()
                .isInstanceOf(RequestMailer.Outcome.TemporaryFailure.class);
        RequestDetails after = requests.details(created.reference());
        assertThat(after.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(after.sendAttempts()).isEqualTo(1);
        assertThat(after.lastError()).isNotBlank();
        assertThat(after.nextAttemptAt()).isAfter(clock.instant());
        assertThat(after.timeline()).extracting(TimelineEvent::type).contains(EventType.SEND_ATTEMPT_FAILED)
                .doesNotContain(EventType.SENT);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ObjectProvider<JavaMailSender> empty() {
        return provider(null);
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                return sender;
            }

            @Override
            public JavaMailSender getObject(Object... args) {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }
        };
    }

    @Test
    void ten_reservations_at_once_of_a_new_year_get_ten_different_numbers() throws Exception {
        // The first request of a year creates its counter row: ten at once used to deadlock on that row (two
        // transactions holding its shared lock, each waiting for the exclusive one), and one answered a 500.
        int year = 2098;
        jdbc.sql("DELETE FROM request_counter WHERE year = ?").param(year).update();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Long>> reserved = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                reserved.add(pool.submit(() -> {
                    start.await();
                    return store.reserveNumbers(year, 2);
                }));
            }
            start.countDown();
            List<Long> firsts = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Long> first : reserved) {
                firsts.add(first.get());
            }
            assertThat(firsts).containsExactlyInAnyOrder(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L);
            assertThat(jdbc.sql("SELECT next_number FROM request_counter WHERE year = ?").param(year)
                    .query(Long.class).single()).isEqualTo(21L);
        } finally {
            pool.shutdownNow();
        }
    }
}

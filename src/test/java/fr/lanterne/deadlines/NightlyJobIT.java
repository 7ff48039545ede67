package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.shared.DataDirectory;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestIdentity;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import jakarta.mail.internet.MimeMessage;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The nightly job against the real database and a real SMTP server: run twice for the same night, it sends one
 * digest per volunteer and drafts each letter once.
 */
@LanterneIntegrationTest
class NightlyJobIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

    @Autowired
    Requests requests;

    @Autowired
    Campaigns campaigns;

    @Autowired
    NightlyJobs nightly;

    @Autowired
    Authorities authorities;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    fr.lanterne.settings.Settings settings;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    RestTestClient client;

    @Autowired
    JobRepository jobRepository;

    @Test
    void the_night_records_refusals_drafts_letters_and_sends_one_digest_per_volunteer_once() throws Exception {
        TestUsers.ensure(users);
        LocalDate today = LocalDate.now(clock);
        List<String> series = authorities.communeCodes("2A", null).subList(40, 45);
        List<String> single = List.of("06088", "42218", "30189");
        List<String> all = new ArrayList<>(single);
        all.addAll(series);
        TestData.forgetRequests(jdbc, all.stream().map(AuthorityCodes::townHall).toList());
        jdbc.sql("DELETE FROM deadline_notice").update();
        jdbc.sql("DELETE FROM deadline_digest").update();
        // The test database outlives a run: forget tonight's job instance from an earlier run of this test.
        JobInstance earlier = jobRepository.getJobInstance("nightly",
                new JobParametersBuilder().addString("runDate", today.toString()).toJobParameters());
        if (earlier != null) {
            jobRepository.deleteJobInstance(earlier);
        }
        for (String insee : all) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                    + "@nuit.test", null, null, null), "test");
        }

        // Received two months ago, no answer: implicitly refused by now.
        RequestDetails silent = requests.create(new NewRequest("06088", "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(ref(silent), today.minusMonths(2).minusDays(2), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref(silent), today.minusMonths(2), "AR", TestUsers.VOLUNTEER);
        // Received almost a month ago: the implicit refusal is three days away, a reminder is due.
        RequestDetails soon = requests.create(new NewRequest("42218", "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(ref(soon), today.minusMonths(1), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref(soon), today.minusMonths(1).plusDays(3), "AR", TestUsers.VOLUNTEER);
        // Sent three weeks ago, receipt never recorded: the volunteer is asked for it.
        RequestDetails unknown = requests.create(new NewRequest("30189", "vsa", Channel.EMAIL, false),
                TestUsers.ADMIN);
        requests.recordSent(ref(unknown), today.minusDays(21), TestUsers.ADMIN);
        // Five town halls of one campaign refused the same request: one referral for the series.
        long campaign = campaigns.create(new NewCampaign("série", List.of("cctv"),
                new CampaignTargets(series, null, null, false, List.of()), Channel.EMAIL), TestUsers.VOLUNTEER);
        campaigns.run(campaign, p -> { });
        for (String insee : series) {
            RequestReference reference = RequestReference.parse(jdbc.sql("""
                    SELECT r.reference FROM request r JOIN authority a ON a.id = r.authority_id
                    WHERE a.code = ? AND r.campaign_id = ?""").params(AuthorityCodes.townHall(insee), campaign)
                    .query(String.class).single());
            requests.recordReceipt(reference, today, null, TestUsers.VOLUNTEER);
            requests.recordRefusal(reference, today, TestUsers.VOLUNTEER);
        }
        int requestEmails = MAIL.getReceivedMessages().length;
        assertThat(requestEmails).as("the campaign's five emails").isEqualTo(5);

        NightlyJobs.Run first = nightly.run(today);
        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(requests.details(ref(silent)).status()).isEqualTo(RequestStatus.IMPLICITLY_REFUSED);

        List<MimeMessage> digests = digests();
        assertThat(digests).as("one digest per volunteer").hasSize(2);
        MimeMessage volunteer = digestTo(digests, TestUsers.VOLUNTEER + "@example.org");
        String body = (String) volunteer.getContent();
        assertThat(body).contains(silent.reference().value()).contains("implicitement refusée").contains("CRPA R343-1")
                .contains(soon.reference().value()).contains("relance").contains("série").contains("L342-1");
        assertThat((String) digestTo(digests, TestUsers.ADMIN + "@example.org").getContent())
                .contains(unknown.reference().value()).contains("date de réception");

        List<String> drafts = jdbc.sql("SELECT draft_file FROM deadline_notice WHERE draft_file IS NOT NULL")
                .query(String.class).list();
        assertThat(drafts).anyMatch(f -> f.contains(soon.reference().value()) && f.endsWith("relance.pdf"))
                .anyMatch(f -> f.contains(silent.reference().value()) && f.endsWith("saisine-cada.pdf"))
                .anyMatch(f -> f.contains("campagne-" + campaign) && f.contains("saisine-cada-serie"));
        for (String draft : drafts) {
            assertThat(Files.size(dataDirectory.root().resolve(draft))).isPositive();
        }
        long notices = count("SELECT COUNT(*) FROM deadline_notice");
        long events = count("SELECT COUNT(*) FROM request_event");

        NightlyJobs.Run second = nightly.run(today);
        assertThat(second.alreadyDone()).isTrue();
        assertThat(digests()).as("nothing sent twice").hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM deadline_notice")).isEqualTo(notices);
        assertThat(count("SELECT COUNT(*) FROM request_event")).isEqualTo(events);
        assertThat(count("SELECT COUNT(*) FROM request_event WHERE type = 'REMINDER_DRAFTED'")).isEqualTo(1);

        String token = users.calendarToken(TestUsers.VOLUNTEER, false);
        client.get().uri("/calendar/{token}.ics", token).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(ics -> assertThat(ics)
                        .startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains(soon.reference().value()));
        client.get().uri("/calendar/not-a-token.ics").exchange().expectStatus().isNotFound();
    }

    /**
     * CRPA R343-1: a referral (single or series) is drafted only while its safe deadline is open, and then the letter
     * says it is in time; a refusal three months old gets no letter claiming so.
     */
    @Test
    void referrals_are_drafted_only_while_their_safe_deadline_is_open() throws Exception {
        TestUsers.ensure(users);
        LocalDate today = LocalDate.now(clock);
        List<String> codes = authorities.communeCodes("2A", null);
        List<String> lateSeries = codes.subList(60, 65);
        String lateSingle = codes.get(65);
        String inTime = codes.get(66);
        List<String> all = new ArrayList<>(lateSeries);
        all.addAll(List.of(lateSingle, inTime));
        TestData.forgetRequests(jdbc, all.stream().map(AuthorityCodes::townHall).toList());
        jdbc.sql("DELETE FROM deadline_notice").update();
        JobInstance earlier = jobRepository.getJobInstance("nightly",
                new JobParametersBuilder().addString("runDate", today.toString()).toJobParameters());
        if (earlier != null) {
            jobRepository.deleteJobInstance(earlier);
        }
        for (String insee : all) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                    + "@nuit.test", null, null, null), "test");
        }
        RequestDetails late = requests.create(new NewRequest(lateSingle, "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        // Receipt never recorded: counted from the sending date, the refusal is long past its referral deadline.
        requests.recordSent(ref(late), today.minusMonths(4).minusDays(2), TestUsers.VOLUNTEER);
        requests.recordRefusal(ref(late), today.minusMonths(3), TestUsers.VOLUNTEER);
        RequestDetails open = requests.create(new NewRequest(inTime, "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(ref(open), today.minusDays(22), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref(open), today.minusDays(20), "AR", TestUsers.VOLUNTEER);
        requests.recordRefusal(ref(open), today.minusDays(10), TestUsers.VOLUNTEER);
        long campaign = campaigns.create(new NewCampaign("série tardive", List.of("cctv"),
                new CampaignTargets(lateSeries, null, null, false, List.of()), Channel.EMAIL), TestUsers.VOLUNTEER);
        campaigns.run(campaign, p -> { });
        // The campaign sent its letters today; the test needs a series sent four months ago.
        jdbc.sql("UPDATE request SET sent_at = ? WHERE campaign_id = ?")
                .params(java.sql.Timestamp.valueOf(today.minusMonths(4).minusDays(2).atTime(10, 0)), campaign).update();
        for (String insee : lateSeries) {
            RequestReference reference = RequestReference.parse(jdbc.sql("""
                    SELECT r.reference FROM request r JOIN authority a ON a.id = r.authority_id
                    WHERE a.code = ? AND r.campaign_id = ?""").params(AuthorityCodes.townHall(insee), campaign)
                    .query(String.class).single());
            requests.recordReceipt(reference, today.minusMonths(4), null, TestUsers.VOLUNTEER);
            requests.recordRefusal(reference, today.minusMonths(3), TestUsers.VOLUNTEER);
        }

        assertThat(nightly.run(today).status()).isEqualTo("COMPLETED");

        assertThat(count("SELECT COUNT(*) FROM deadline_notice WHERE notice_key = 'REFERRAL:" + late.reference() + "'"))
                .as("three months after the refusal, no referral is drafted").isZero();
        assertThat(count("SELECT COUNT(*) FROM deadline_notice WHERE notice_key LIKE 'SERIES:" + campaign + ":%'"))
                .as("nor a series of late refusals").isZero();
        String draft = jdbc.sql("SELECT draft_file FROM deadline_notice WHERE notice_key = ?")
                .param("REFERRAL:" + open.reference()).query(String.class).single();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dataDirectory.root().resolve(draft).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("La présente saisine intervient dans le délai de deux mois");
        }
    }

    /**
     * CRPA R343-1: without the requester's complete identity no referral is drafted (the CADA would not register it,
     * and R343-5's two months run from the registration); the volunteer is told which element is missing, once, and
     * a later night drafts the referral once the identity is complete. The letter then states every element.
     */
    @Test
    void a_referral_waits_for_the_identity_r343_1_requires_then_states_all_of_it() throws Exception {
        TestUsers.ensure(users);
        LocalDate today = LocalDate.now(clock);
        String insee = authorities.communeCodes("2A", null).get(67);
        TestData.forgetRequests(jdbc, List.of(AuthorityCodes.townHall(insee)));
        jdbc.sql("DELETE FROM deadline_notice").update();
        for (LocalDate night : List.of(today.minusDays(2), today.minusDays(1), today)) {
            JobInstance earlier = jobRepository.getJobInstance("nightly",
                    new JobParametersBuilder().addString("runDate", night.toString()).toJobParameters());
            if (earlier != null) {
                jobRepository.deleteJobInstance(earlier);
            }
        }
        authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                + "@nuit.test", null, null, null), "test");
        RequestDetails refused = requests.create(new NewRequest(insee, "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(ref(refused), today.minusDays(22), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref(refused), today.minusDays(20), "AR", TestUsers.VOLUNTEER);
        requests.recordRefusal(ref(refused), today.minusDays(10), TestUsers.VOLUNTEER);
        try {
            // Left with what the configuration suggests: a name, a mailbox, a place, but no domicile.
            settings.clearIdentity();
            assertThatThrownBy(() -> requests.draftReferral(ref(refused)))
                    .isInstanceOf(fr.lanterne.shared.ConflictException.class)
                    .hasMessage("Impossible de rédiger la saisine de la CADA : il manque l’adresse du domicile du "
                            + "demandeur (CRPA R343-1). Complétez l’identité du demandeur (/reglages/identite).");

            assertThat(nightly.run(today.minusDays(2)).status()).isEqualTo("COMPLETED");
            assertThat(nightly.run(today.minusDays(1)).status()).isEqualTo("COMPLETED");

            assertThat(count("SELECT COUNT(*) FROM deadline_notice WHERE notice_key = 'REFERRAL:"
                    + refused.reference() + "'")).as("no referral without the identity").isZero();
            assertThat(jdbc.sql("SELECT message FROM deadline_notice WHERE notice_key = ?")
                    .param("REFERRAL_WAITING:" + refused.reference()).query(String.class).list())
                    .as("told once, naming the missing element").singleElement().asString()
                    .contains("il manque l’adresse du domicile du demandeur (CRPA R343-1)");

            settings.saveIdentity(new fr.lanterne.settings.IdentityDraft("LEGAL_PERSON", null, null, null,
                    "Association déclarée", "Lanterne de Corse", "3 cours Napoléon\n20000 Ajaccio",
                    "Dominique Roux", "présidente", "BP 12\n20181 Ajaccio Cedex 1", "demandes@lanterne.test",
                    "Ajaccio"), "tests");
            assertThat(nightly.run(today).status()).isEqualTo("COMPLETED");

            String draft = jdbc.sql("SELECT draft_file FROM deadline_notice WHERE notice_key = ?")
                    .param("REFERRAL:" + refused.reference()).query(String.class).single();
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(dataDirectory.root().resolve(draft).toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)
                    .replaceAll("[\\s\\u00a0\\u202f]+", " ");
                assertThat(text).contains("Lanterne de Corse", "Association déclarée",
                        "représentée par Dominique Roux, présidente", "Siège social : 3 cours Napoléon, 20000 Ajaccio",
                        "BP 12", "20181 Ajaccio Cedex 1");
            }
        } finally {
            TestIdentity.restore(settings);
        }
    }

    /**
     * CRPA L342-1 (third paragraph, loi 3DS): the requester informs each administration of a series of the series
     * referral. The night drafts one information letter per request the referral lists, refused or not, dated like it;
     * the volunteer records when each went, and that date cannot precede the request.
     */
    @Test
    void a_series_referral_comes_with_one_information_letter_per_administration() throws Exception {
        TestUsers.ensure(users);
        LocalDate today = LocalDate.now(clock);
        List<String> series = authorities.communeCodes("2A", null).subList(70, 76);
        TestData.forgetRequests(jdbc, series.stream().map(AuthorityCodes::townHall).toList());
        jdbc.sql("DELETE FROM deadline_notice").update();
        JobInstance earlier = jobRepository.getJobInstance("nightly",
                new JobParametersBuilder().addString("runDate", today.toString()).toJobParameters());
        if (earlier != null) {
            jobRepository.deleteJobInstance(earlier);
        }
        for (String insee : series) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                    + "@nuit.test", null, null, null), "test");
        }
        long campaign = campaigns.create(new NewCampaign("série informée", List.of("cctv"),
                new CampaignTargets(series, null, null, false, List.of()), Channel.EMAIL), TestUsers.VOLUNTEER);
        campaigns.run(campaign, p -> { });
        List<RequestReference> references = new ArrayList<>();
        for (String insee : series) {
            RequestReference reference = RequestReference.parse(jdbc.sql("""
                    SELECT r.reference FROM request r JOIN authority a ON a.id = r.authority_id
                    WHERE a.code = ? AND r.campaign_id = ?""").params(AuthorityCodes.townHall(insee), campaign)
                    .query(String.class).single());
            requests.recordReceipt(reference, today, null, TestUsers.VOLUNTEER);
            references.add(reference);
        }
        // Five refusals make the series; the sixth town hall answered, and the referral still lists its request.
        RequestReference answered = references.remove(5);
        references.forEach(reference -> requests.recordRefusal(reference, today, TestUsers.VOLUNTEER));
        requests.recordAnswer(answered, true, today, TestUsers.VOLUNTEER);

        assertThat(nightly.run(today).status()).isEqualTo("COMPLETED");

        assertThat(jdbc.sql("SELECT message FROM deadline_notice WHERE notice_key LIKE ?")
                .param("SERIES:" + campaign + ":%").query(String.class).single())
                .contains("la lettre d'information de chacune est prête").contains("requests series-informed");
        for (RequestReference reference : references) {
            assertThat(count("SELECT COUNT(*) FROM request_event e JOIN request r ON r.id = e.request_id WHERE "
                    + "r.reference = '" + reference + "' AND e.type = 'SERIES_INFORMATION_DRAFTED'")).isOne();
            java.nio.file.Path letter = dataDirectory.root().resolve("drafts").resolve(reference.value())
                    .resolve("information-serie.pdf");
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(letter.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)
                        .replaceAll("[\\s\\u00a0\\u202f]+", " ");
                String date = (today.getDayOfMonth() == 1 ? "1er" : Integer.toString(today.getDayOfMonth())) + " "
                        + today.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                        java.util.Locale.FRENCH));
                assertThat(text).contains(reference.value(), "article L342-1",
                        "par une saisine unique datée du " + date, "Vous avez refusé cette communication le " + date,
                        "Camille Martin");
            }
        }

        String referral = jdbc.sql("SELECT draft_file FROM deadline_notice WHERE notice_key LIKE ?")
                .param("SERIES:" + campaign + ":%").query(String.class).single();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dataDirectory.root().resolve(referral).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)
                    .replaceAll("[\\s\\u00a0\\u202f]+", " ");
            assertThat(text).contains("l’ensemble des 6 demandes relevant de cette série",
                    "5 d’entre elles ont fait l’objet d’un refus", "réf. " + answered + " – demande du",
                    "– documents communiqués le ");
            for (RequestReference reference : references) {
                assertThat(text).contains("réf. " + reference);
            }
        }
        // L342-1 informs « les administrations concernées par la série »: the one that answered too, without a refusal.
        assertThat(count("SELECT COUNT(*) FROM request_event e JOIN request r ON r.id = e.request_id WHERE "
                + "r.reference = '" + answered + "' AND e.type = 'SERIES_INFORMATION_DRAFTED'")).isOne();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dataDirectory.root().resolve("drafts")
                .resolve(answered.value()).resolve("information-serie.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)
                    .replaceAll("[\\s\\u00a0\\u202f]+", " ");
            assertThat(text).contains(answered.value(), "article L342-1", "par une saisine unique datée du")
                    .doesNotContain("Vous avez refusé", "décision implicite de refus");
        }

        RequestReference first = references.get(0);
        assertThatThrownBy(() -> requests.recordSeriesInformed(first, today.minusYears(1), TestUsers.VOLUNTEER))
                .isInstanceOf(fr.lanterne.shared.InvalidInputException.class);
        requests.recordSeriesInformed(first, today, TestUsers.VOLUNTEER);
        assertThat(count("SELECT COUNT(*) FROM request_event e JOIN request r ON r.id = e.request_id WHERE "
                + "r.reference = '" + first + "' AND e.type = 'SERIES_INFORMED' AND e.event_date = '" + today + "'"))
                .isOne();
    }

    /** The letter of a natural person states their prénoms, nom and domicile (CRPA R343-1). */
    @Test
    void a_natural_persons_referral_states_their_names_and_domicile() throws Exception {
        TestUsers.ensure(users);
        LocalDate today = LocalDate.now(clock);
        String insee = authorities.communeCodes("2A", null).get(68);
        TestData.forgetRequests(jdbc, List.of(AuthorityCodes.townHall(insee)));
        authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                + "@nuit.test", null, null, null), "test");
        RequestDetails refused = requests.create(new NewRequest(insee, "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        requests.recordSent(ref(refused), today.minusDays(22), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref(refused), today.minusDays(20), "AR", TestUsers.VOLUNTEER);
        requests.recordRefusal(ref(refused), today.minusDays(10), TestUsers.VOLUNTEER);

        String draft = requests.draftReferral(ref(refused));

        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dataDirectory.root().resolve(draft).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)
                    .replaceAll("[\\s\\u00a0\\u202f]+", " ");
            assertThat(text).contains("Mes coordonnées : Camille Martin 12 rue de la Préfecture 06300 Nice");
        }
    }

    private List<MimeMessage> digests() {
        return Stream.of(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("X-Lanterne-Digest") != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage digestTo(List<MimeMessage> digests, String address) throws Exception {
        for (MimeMessage message : digests) {
            if (message.getAllRecipients()[0].toString().contains(address)) {
                return message;
            }
        }
        throw new AssertionError("No digest to " + address);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static RequestReference ref(RequestDetails details) {
        return details.reference();
    }
}

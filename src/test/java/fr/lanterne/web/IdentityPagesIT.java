package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestIdentity;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.RequesterKind;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.Users;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The requester identity set in the browser: who signs, with what a CADA referral needs (CRPA R343-1); nothing
 * leaves before it is complete. Every test puts the tests' identity back afterwards, for the tests after it.
 */
@LanterneIntegrationTest
class IdentityPagesIT {

    private static final String GAP = "05061";
    private static final String TOWN_HALL = "mairie-05061";
    private static final String PAGE = "/reglages/identite";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Settings settings;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void gapHasAnEmail() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@gap.test", "3 rue Colonel Roux\n05000 Gap",
                null, null), "test");
    }

    @AfterEach
    void theTestsIdentityAgain() {
        TestIdentity.restore(settings);
        settings.savePublicUrl(null, "tests");
    }

    @Test
    void an_administrator_saves_a_natural_person_then_a_legal_person() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        String page = admin.page(PAGE);
        assertThat(page).contains("Identité du demandeur").contains("article R343-1 du CRPA")
                .contains("value=\"Martin\"").contains("href=\"/reglages/identite\"");

        String saved = admin.follow(admin.post(PAGE, natural()));
        assertThat(saved).contains("L’identité du demandeur est enregistrée").contains("Dominique Roux")
                .contains("8 place Grenette").doesNotContain("id=\"identity-banner\"");
        RequesterIdentity person = settings.requesterIdentity().orElseThrow();
        assertThat(person.kind()).isEqualTo(RequesterKind.NATURAL_PERSON);
        assertThat(person.displayName()).isEqualTo("Dominique Roux");
        assertThat(person.registeredAddress().lines()).containsExactly("8 place Grenette", "38000 Grenoble");
        assertThat(person.replyAddress("LNT-2026-000001")).isEqualTo("cada+LNT-2026-000001@collectif-isere.test");

        Map<String, String> legal = legal();
        legal.put("publicUrl", "https://lanterne.collectif-isere.test/");
        String association = admin.follow(admin.post(PAGE, legal));
        assertThat(association).contains("Vigilance Isère").contains("représentée par Dominique Roux, présidente")
                .contains("Siège social : 8 place Grenette, 38000 Grenoble").contains("BP 42");
        RequesterIdentity legalPerson = settings.requesterIdentity().orElseThrow();
        assertThat(legalPerson.kind()).isEqualTo(RequesterKind.LEGAL_PERSON);
        assertThat(legalPerson.surname()).as("the other kind's fields are not kept").isNull();
        assertThat(legalPerson.postalAddress().lines()).containsExactly("BP 42", "38001 Grenoble Cedex 1");
        assertThat(settings.storedPublicUrl()).hasValueSatisfying(url ->
                assertThat(url).hasToString("https://lanterne.collectif-isere.test"));

        // Volunteers and researchers do not set who signs.
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.get(PAGE).getStatus().value()).isEqualTo(403);
        assertThat(volunteer.page("/travail")).doesNotContain("href=\"/reglages/identite\"");
    }

    @Test
    void a_half_filled_identity_says_next_to_each_field_what_is_missing_or_wrong() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.page(PAGE);
        Map<String, String> form = legal();
        form.put("representativeTitle", "");
        form.put("seatAddress", "8 place Grenette\nGrenoble");
        form.put("mailbox", "cada@collectif-isere");
        form.put("publicUrl", "lanterne.collectif-isere.test");

        EntityExchangeResult<String> refused = admin.post(PAGE, form);

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseBody())
                .contains("4 informations manquent ou ne vont pas")
                .containsPattern("id=\"representativeTitle-error\">La qualité du représentant légal est obligatoire")
                .containsPattern("id=\"seatAddress-error\">Il manque la ligne du code postal et de la commune")
                .containsPattern("id=\"mailbox-error\">« cada@collectif-isere » n’est pas une adresse électronique")
                .containsPattern("id=\"publicUrl-error\">« lanterne.collectif-isere.test » n’est pas une adresse web")
                .contains("value=\"Vigilance Isère\"");
        assertThat(settings.requesterIdentity().orElseThrow().displayName())
                .as("nothing saved").isEqualTo("Camille Martin");

        Map<String, String> tooLong = natural();
        tooLong.put("surname", "R".repeat(61));
        EntityExchangeResult<String> size = admin.post(PAGE, tooLong);
        assertThat(size.getStatus().value()).isEqualTo(400);
        assertThat(size.getResponseBody())
                .contains("id=\"surname-error\">Ce champ est trop long : 60 caractères au plus.");
    }

    /** CRPA R343-1: the request page's "draft the referral" refuses, naming the element of the identity missing. */
    @Test
    void the_referral_of_a_refused_request_is_not_drafted_without_the_identity_r343_1_requires() {
        RequestDetails refused = requests.create(new NewRequest(GAP, "vsa", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        RequestReference ref = refused.reference();
        java.time.LocalDate today = java.time.LocalDate.now();
        requests.recordSent(ref, today.minusDays(20), TestUsers.VOLUNTEER);
        requests.recordRefusal(ref, today.minusDays(5), TestUsers.VOLUNTEER);
        settings.clearIdentity();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);

        assertThat(volunteer.page("/demandes/" + ref)).contains("/demandes/" + ref + "/brouillon-saisine");

        EntityExchangeResult<String> page = volunteer.post("/demandes/" + ref + "/brouillon-saisine", Map.of());

        assertThat(page.getStatus().value()).isEqualTo(409);
        assertThat(page.getResponseBody()).contains("Impossible de rédiger la saisine de la CADA : il manque "
                + "l’adresse du domicile du demandeur (CRPA R343-1). Complétez l’identité du demandeur "
                + "(/reglages/identite).");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_event e JOIN request r ON r.id = e.request_id "
                + "WHERE r.reference = ? AND e.type = 'REFERRAL_DRAFTED'").param(ref.value()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void until_the_identity_is_complete_requests_are_previewed_but_nothing_leaves_and_pages_say_why() throws Exception {
        // What other tests left queued goes first, so that this test counts only its own email.
        requests.sendDue(10_000);
        MAIL.purgeEmailFromAllMailboxes();
        settings.clearIdentity();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(volunteer.page("/travail")).contains("id=\"identity-banner\"")
                .contains("Un·e administrateur·rice doit compléter l’identité du demandeur")
                .doesNotContain("href=\"/reglages/identite\"");
        assertThat(admin.page("/demandes")).contains("id=\"identity-banner\"")
                .contains("Complétez l’identité du demandeur").contains("href=\"/reglages/identite\"");

        // Previewed: the letter shows what is missing, never a placeholder address.
        String preview = volunteer.page("/communes/" + GAP + "/demande?apercu=1&authority=" + TOWN_HALL
                + "&templates=vsa&channel=EMAIL");
        byte[] pdf = client.get().uri("/communes/" + GAP + "/demande/apercu.pdf?authority=" + TOWN_HALL
                        + "&channel=EMAIL&template=vsa")
                .headers(h -> h.add("Cookie", "JSESSIONID=" + volunteer.sessionId()))
                .exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody();
        assertThat(text(pdf)).contains("Camille Martin", "[à compléter]").doesNotContain(".invalid",
                "Collectif Lanterne");

        // Confirmed: refused with the reason, nothing created.
        String token = group(TOKEN, preview);
        String town = volunteer.follow(volunteer.post("/communes/" + GAP + "/demande", Map.of("token", token,
                "authority", TOWN_HALL, "templates", List.of("vsa"), "channel", "EMAIL", "postIfNoEmail", "false")));
        assertThat(town).contains("Impossible de créer et envoyer une demande").contains("identité du demandeur");
        assertThat(count()).isZero();
        // The API, the campaigns, the queue and the record of a posted letter refuse in the same words.
        client.post().uri("/api/requests").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"authority\": \"" + GAP + "\", \"template\": \"vsa\", \"channel\": \"EMAIL\", "
                        + "\"postIfNoEmail\": false}")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).contains("Impossible de créer"));
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"templates\": [\"vsa\"], \"insee\": [\"" + GAP + "\"], \"registry\": false, \"dryRun\": false}")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).contains("Impossible de lancer une campagne"));
        client.post().uri("/api/campaigns").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"templates\": [\"vsa\"], \"insee\": [\"" + GAP + "\"], \"registry\": false, \"dryRun\": true}")
                .exchange().expectStatus().isOk();
        assertThatThrownBy(() -> requests.sendDue(10)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Impossible d’envoyer les demandes en attente");
        assertThatThrownBy(() -> requests.recordSent(RequestReference.parse("LNT-2026-999999"), null, "tests"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Impossible d’enregistrer l’envoi");

        // Completed on the setup page: the banner goes, the request leaves, signed and addressed.
        admin.page(PAGE);
        admin.follow(admin.post(PAGE, natural()));
        assertThat(volunteer.page("/travail")).doesNotContain("id=\"identity-banner\"");
        RequestDetails created = requests.create(new NewRequest(GAP, "vsa", Channel.EMAIL, false), "tests");
        String letter = text(Files.readAllBytes(requests.letterPdf(created.reference())));
        assertThat(letter).contains("Dominique Roux", "8 place Grenette", "38000 Grenoble",
                "cada+" + created.reference() + "@collectif-isere.test").doesNotContain(".invalid", "[à compléter]");
        assertThat(requests.sendDue(10)).startsWith("1 envoyée,");
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).doesNotContainIgnoringCase(".invalid").doesNotContain("Collectif Lanterne");
        assertThat(received[0].getReplyTo()[0].toString()).contains("cada+" + created.reference()
                + "@collectif-isere.test");
        assertThat(GreenMailUtil.getBody(((jakarta.mail.internet.MimeMultipart) received[0].getContent())
                .getBodyPart(0))).contains("Dominique Roux").contains("38000 Grenoble");
    }

    private static Map<String, String> natural() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "NATURAL_PERSON");
        form.put("surname", "Roux");
        form.put("givenNames", "Dominique");
        form.put("homeAddress", "8 place Grenette\r\n38000 Grenoble");
        form.put("mailbox", "cada@collectif-isere.test");
        form.put("place", "Grenoble");
        return form;
    }

    private static Map<String, String> legal() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "LEGAL_PERSON");
        form.put("surname", "ignoré");
        form.put("legalForm", "Association déclarée (loi 1901)");
        form.put("denomination", "Vigilance Isère");
        form.put("seatAddress", "8 place Grenette\r\n38000 Grenoble");
        form.put("representativeName", "Dominique Roux");
        form.put("representativeTitle", "présidente");
        form.put("letterAddress", "BP 42\r\n38001 Grenoble Cedex 1");
        form.put("mailbox", "cada@collectif-isere.test");
        form.put("place", "Grenoble");
        return form;
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM request r JOIN authority a ON a.id = r.authority_id WHERE a.code = ?")
                .param(TOWN_HALL).query(Integer.class).single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}

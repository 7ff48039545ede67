package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The pages a volunteer works in, driven as a browser would through forms (the browser tests add JavaScript). */
@LanterneIntegrationTest
class RequestPagesIT {

    private static final String DIGNE = "04070";
    private static final String TOWN_HALL = "mairie-" + DIGNE;
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("/demandes/(LNT-\\d{4}-\\d{6})");

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Requests requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void digneHasAnEmail() {
        TestUsers.ensure(users);
        TestUsers.ensure(users, "pages-other", Role.VOLUNTEER, null);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@digne.test", "Place du Général de Gaulle\n"
                + "04000 Digne-les-Bains", null, null), "test");
    }

    @Test
    void a_volunteer_requests_a_towns_documents_once_even_when_confirming_twice() {
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page("/communes/" + DIGNE)).contains("Demander les documents de cette commune");

        String form = volunteer.page("/communes/" + DIGNE + "/demande");
        assertThat(form).contains("Mairie de Digne-les-Bains").contains("mairie@digne.test")
                .contains("name=\"templates\" value=\"cctv\"").contains("data-keep=\"town-request-04070\"");

        // No letter chosen: said next to the field, nothing to confirm.
        EntityExchangeResult<String> empty = volunteer.get("/communes/" + DIGNE + "/demande?apercu=1&authority="
                + TOWN_HALL);
        assertThat(empty.getStatus().value()).isEqualTo(400);
        assertThat(empty.getResponseBody()).contains("Choisissez au moins un modèle de lettre")
                .doesNotContain("name=\"token\"");

        String preview = volunteer.page("/communes/" + DIGNE + "/demande?apercu=1&authority=" + TOWN_HALL
                + "&templates=cctv&channel=EMAIL");
        assertThat(preview).contains("Les lettres qui partiront").contains("par courriel").contains("Envoyer la demande");
        EntityExchangeResult<String> pdf = client.get().uri("/communes/" + DIGNE + "/demande/apercu.pdf?authority="
                        + TOWN_HALL + "&channel=EMAIL&template=cctv")
                .headers(h -> h.add("Cookie", "JSESSIONID=" + sessionOf(volunteer)))
                .exchange().returnResult(String.class);
        assertThat(pdf.getResponseHeaders().getContentType()).hasToString("application/pdf");

        String token = group(TOKEN, preview);
        Map<String, Object> confirm = Map.of("token", token, "authority", TOWN_HALL, "templates", List.of("cctv"),
                "channel", "EMAIL", "postIfNoEmail", "false");
        String town = volunteer.follow(volunteer.post("/communes/" + DIGNE + "/demande", confirm));
        assertThat(town).contains("Demande créée");
        String reference = group(REFERENCE, town);
        // The double click: the same token again sends nothing more.
        String again = volunteer.follow(volunteer.post("/communes/" + DIGNE + "/demande", confirm));
        assertThat(again).contains("Ce formulaire avait déjà été envoyé");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request r JOIN authority a ON a.id = r.authority_id WHERE a.code = ?")
                .param(TOWN_HALL).query(Integer.class).single()).isEqualTo(1);
        RequestDetails created = requests.details(RequestReference.parse(reference));
        assertThat(created.owner()).isEqualTo(TestUsers.VOLUNTEER);
        assertThat(created.template()).isEqualTo("cctv");

        // A second request for the same letter is refused in the preview, with the reason.
        String refused = volunteer.page("/communes/" + DIGNE + "/demande?apercu=1&authority=" + TOWN_HALL
                + "&templates=cctv&channel=EMAIL");
        assertThat(refused).contains("est déjà en cours").contains(reference).doesNotContain("name=\"token\"");
    }

    @Test
    void the_receipt_date_is_recorded_on_the_request_page_and_a_wrong_one_refused_next_to_its_field() {
        RequestDetails request = sentRequest();
        String uri = "/demandes/" + request.reference();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        String page = volunteer.page(uri);
        assertThat(page).contains("Mairie de Digne-les-Bains").contains("Enregistrez la date de réception")
                .contains("id=\"action-reception\"").contains("Ouvrir la lettre (PDF)");

        EntityExchangeResult<String> wrong = volunteer.post(uri + "/reception", Map.of("date", "2026-02-30",
                "evidence", "accusé <b>automatique</b>"));
        assertThat(wrong.getStatus().value()).isEqualTo(400);
        assertThat(wrong.getResponseBody())
                .contains("class=\"field-error\" id=\"error-reception\"")
                .contains("2026-02-30")
                .contains("value=\"accusé &lt;b&gt;automatique&lt;/b&gt;\"");

        String today = LocalDate.now(clock).toString();
        String done = volunteer.follow(volunteer.post(uri + "/reception", Map.of("date", today,
                "evidence", "accusé de réception automatique")));
        assertThat(done).contains("Date de réception enregistrée").contains("CRPA R311-13")
                .contains("Refus implicite").contains("data-forget=\"request-" + request.reference() + "-reception\"");
        assertThat(requests.details(request.reference()).status())
                .isEqualTo(RequestStatus.RECEIVED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE username = ? AND path = ? AND status = 302")
                .params(TestUsers.VOLUNTEER, uri + "/reception").query(Integer.class).single()).isPositive();
        assertThat(volunteer.get("/journal").getStatus().value()).isEqualTo(403);
        assertThat(PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD)
                .page("/journal?utilisateur=" + TestUsers.VOLUNTEER))
                .contains("POST " + uri + "/reception").contains(TestUsers.VOLUNTEER);
    }

    /**
     * CRPA L112-6 and R112-5 for the acknowledgement, CJA R421-5 for the refusal: the volunteer says, on each form,
     * whether that document stated the remedies; each answer is kept in its own column and the deadlines follow.
     */
    @Test
    void the_receipt_and_refusal_forms_record_whether_the_remedies_were_stated() {
        RequestDetails request = sentRequest();
        RequestReference ref = request.reference();
        String uri = "/demandes/" + request.reference();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page(uri)).contains("id=\"remedies-reception\"")
                .contains("mentionne les délais et voies de recours contre le refus implicite")
                .contains("id=\"remedies-refus\"").contains("mentionne la saisine obligatoire de la CADA");

        String today = LocalDate.now(clock).toString();
        EntityExchangeResult<String> wrong = volunteer.post(uri + "/reception", Map.of("date", today,
                "remedies", "peut-être"));
        assertThat(wrong.getStatus().value()).isEqualTo(400);
        assertThat(wrong.getResponseBody()).contains("class=\"field-error\" id=\"error-reception\"")
                .contains("je ne sais pas");
        assertThat(requests.details(ref).remedies()).isEqualTo(RemedyMentions.UNKNOWN);

        String received = volunteer.follow(volunteer.post(uri + "/reception", Map.of("date", today,
                "remedies", "non")));
        assertThat(requests.details(ref).remedies()).isEqualTo(new RemedyMentions(false, null));
        assertThat(received).contains("L112-6, alinéa 1").contains("ne vous est pas opposable");

        volunteer.follow(volunteer.post(uri + "/refus", Map.of("date", today, "remedies", "oui")));
        RequestDetails refused = requests.details(ref);
        assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
        // The refusal's answer does not overwrite the acknowledgement's: the referral now runs from the refusal.
        assertThat(refused.remedies()).isEqualTo(new RemedyMentions(false, true));
        assertThat(jdbc.sql("SELECT remedies_mentioned, refusal_remedies_mentioned FROM request WHERE reference = ?")
                .param(request.reference().value())
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single()).containsExactly(false, true);
        assertThat(volunteer.page(uri)).contains("Vous avez indiqué que le refus mentionnait les voies et délais");
    }

    @Test
    void a_document_received_by_post_is_uploaded_on_the_request_page_and_its_text_shown_escaped() {
        RequestDetails request = sentRequest();
        String uri = "/demandes/" + request.reference();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        volunteer.page(uri);
        byte[] pdf = TestDocuments.textPdf("Convention de vidéoprotection", List.of(List.of(
                "Convention de videoprotection " + request.reference(),
                "<script>alert('texte extrait')</script>")));
        EntityExchangeResult<String> upload = volunteer.post(uri + "/documents", Map.of("file",
                new ByteArrayResource(pdf) {
                    @Override
                    public String getFilename() {
                        return "C:\\Scans\\convention-digne.pdf";
                    }
                }));
        String page = volunteer.follow(upload);
        assertThat(page).contains("« convention-digne.pdf » a été lu et rangé avec cette demande")
                .contains("href=\"/documents/");
        String sha = jdbc.sql("SELECT sha256 FROM document WHERE request_reference = ?").param(request.reference().value())
                .query(String.class).single();
        String document = volunteer.page("/documents/" + sha);
        assertThat(document).contains("Convention de vidéoprotection").contains("Page 1 sur 1")
                .contains("&lt;script&gt;alert(&#39;texte extrait&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");

        // Visitors (public mode) read it only once a volunteer publishes it.
        PageSession visitor = PageSession.anonymous(client);
        assertThat(visitor.get("/documents/" + sha).getStatus().value()).isEqualTo(404);
        volunteer.follow(volunteer.post("/documents/" + sha + "/publication", Map.of("published", "true")));
        assertThat(visitor.page("/documents/" + sha)).contains("Convention de vidéoprotection");
        // Its request now has a public page, linked from the town page; the volunteers' page stays closed to visitors.
        assertThat(visitor.page("/communes/" + DIGNE)).contains("convention")
                .contains("href=\"/demandes-publiques/" + request.reference() + "\"")
                .doesNotContain("href=\"/demandes/" + request.reference());
    }

    @Test
    void a_researcher_reads_but_cannot_request_and_others_do_not_see_a_volunteers_requests() {
        RequestDetails request = sentRequest();
        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);
        assertThat(researcher.page("/communes/" + DIGNE)).doesNotContain("Demander les documents de cette commune");
        assertThat(researcher.get("/communes/" + DIGNE + "/demande").getStatus().value()).isEqualTo(403);
        assertThat(researcher.post("/communes/" + DIGNE + "/demande", Map.of("authority", TOWN_HALL,
                "templates", "vsa")).getStatus().value()).isEqualTo(403);
        assertThat(researcher.get("/demandes/" + request.reference()).getStatus().value()).isEqualTo(403);

        PageSession stranger = PageSession.signIn(client, "pages-other", TestUsers.PASSWORD);
        EntityExchangeResult<String> hidden = stranger.get("/demandes/" + request.reference());
        assertThat(hidden.getStatus().value()).isEqualTo(404);
        assertThat(hidden.getResponseBody()).contains("Aucune demande n&#39;a la référence");
        assertThat(stranger.page("/travail")).doesNotContain(request.reference().value());
        assertThat(PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD).page("/travail"))
                .contains("Dates de réception à enregistrer").contains(request.reference().value());
    }

    @Test
    void a_form_sent_after_the_session_expired_asks_to_sign_in_again_and_comes_back() {
        RequestDetails request = sentRequest();
        String uri = "/demandes/" + request.reference();
        // No session: the server no longer knows the form's token.
        EntityExchangeResult<String> expired = client.post().uri(uri + "/reception")
                .header("Referer", "http://localhost" + uri)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("date=2026-11-20&_csrf=stale")
                .exchange().returnResult(String.class);
        assertThat(expired.getStatus().is3xxRedirection()).isTrue();
        assertThat(expired.getResponseHeaders().getLocation().toString())
                .endsWith("/login?expired&continue=" + java.net.URLEncoder.encode(uri,
                        java.nio.charset.StandardCharsets.UTF_8));
        PageSession volunteer = PageSession.anonymous(client);
        assertThat(volunteer.page("/login?expired&continue=" + uri)).contains("Votre session a expiré")
                .contains("name=\"continue\" value=\"" + uri + "\"");
        EntityExchangeResult<String> login = volunteer.post("/login", Map.of("username", TestUsers.VOLUNTEER,
                "password", TestUsers.PASSWORD, "continue", uri));
        assertThat(login.getResponseHeaders().getLocation().toString()).endsWith(uri);
        // Somewhere else is not a place to come back to.
        PageSession other = PageSession.anonymous(client);
        other.page("/login");
        assertThat(other.post("/login", Map.of("username", TestUsers.VOLUNTEER, "password", TestUsers.PASSWORD,
                "continue", "//evil.example/")).getResponseHeaders().getLocation().toString())
                .doesNotContain("evil");
    }

    private RequestDetails sentRequest() {
        RequestDetails request = requests.create(new fr.lanterne.requests.NewRequest(DIGNE, "cctv",
                fr.lanterne.requests.Channel.EMAIL, false), TestUsers.VOLUNTEER);
        return requests.recordSent(request.reference(), LocalDate.now(clock),
                TestUsers.VOLUNTEER);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in the page").isTrue();
        return matcher.group(1);
    }

    private static String sessionOf(PageSession session) {
        return session.sessionId();
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.users.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The campaign pages as a browser uses them: signed in with the login form, forms sent as multipart with their CSRF
 * token. Campaigns go to three communes of the Territoire de Belfort (two with a postal address, one with none) by
 * post, so that nothing is emailed; they are forgotten after each test.
 */
@LanterneIntegrationTest
class CampaignPagesIT {

    private static final String NAME = "Test des pages de campagne";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LAUNCH_TOKEN = Pattern.compile("<button[^>]*name=\"token\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    private List<String> communes;
    private List<String> townHalls;
    private List<String> names;

    @BeforeEach
    void threeTownHallsTwoWithAnAddress() {
        TestUsers.ensure(users);
        communes = authorities.communeCodes("90", null).subList(0, 3);
        townHalls = communes.stream().map(AuthorityCodes::townHall).toList();
        forget();
        for (String townHall : townHalls.subList(0, 2)) {
            authorities.setContact(townHall, new ContactDetails(null, "Mairie\n90000 Belfort", null, null), "test");
        }
        names = townHalls.stream().map(code -> authorities.authorityByCode(code).name()).toList();
    }

    @AfterEach
    void forget() {
        awaitNoCampaignRunning();
        TestData.forgetCampaigns(jdbc, NAME);
        TestData.forgetRequests(jdbc, townHalls);
        TestData.forgetContacts(jdbc, townHalls);
    }

    @Test
    void a_dry_run_shows_the_requests_the_recipients_left_out_and_a_sample_letter() throws Exception {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        String form = volunteer.get("/campagnes/nouvelle");
        assertThat(form).contains("data-keep=\"campaign-new\"").contains("Vidéosurveillance algorithmique (VSA)")
                .contains("<option value=\"90\">90 – Territoire de Belfort</option>")
                .doesNotContain("name=\"token\"");

        String plan = volunteer.post("/campagnes/nouvelle", form(NAME + " apercu", String.join("\n", communes)))
                .getResponseBody();

        assertThat(plan).contains("<dd class=\"plan-requests\">2</dd>").contains("<dd class=\"plan-skipped\">1</dd>")
                .contains(html("1 : ni adresse postale ni courriel connus"))
                .contains(html(names.get(0))).contains(html(names.get(1)))
                .contains(html(names.get(2) + " (vsa) : ni adresse postale ni courriel connus"))
                .contains("Lancer la campagne : 2 demandes")
                .as("what was typed is kept").contains("value=\"" + html(NAME + " apercu") + "\"")
                .contains(String.join("\n", communes) + "</textarea>");
        assertThat(token(plan)).isNotBlank();
        assertThat(campaignsNamed(NAME + " apercu")).as("a dry run creates nothing").isZero();

        String sample = "/campagnes/apercu.pdf?organisme=" + townHalls.get(0) + "&amp;modele=vsa&amp;canal=POST";
        assertThat(plan).contains("href=\"" + sample + "\"");
        EntityExchangeResult<byte[]> pdf = volunteer.getBytes(sample.replace("&amp;", "&"));
        assertThat(pdf.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument letter = Loader.loadPDF(pdf.getResponseBody())) {
            assertThat(new PDFTextStripper().getText(letter)).contains(authorities.commune(communes.get(0)).name());
        }
    }

    @Test
    void a_csv_file_adds_its_codes_to_the_list_and_its_mistakes_are_given_by_line() {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        volunteer.get("/campagnes/nouvelle");
        String csv = "insee;nom\n" + communes.get(0) + ";A\n" + communes.get(1) + ";B\n";

        String plan = volunteer.post("/campagnes/nouvelle", form(NAME, "", "liste.csv", csv)).getResponseBody();

        assertThat(plan).contains("<dd class=\"plan-requests\">2</dd>")
                .as("the file's codes are kept in the list").contains(communes.get(0) + "\n" + communes.get(1)
                        + "</textarea>");

        String wrong = "insee\n" + communes.get(0) + "\nBelfort (90)\n\n99999\n";
        String page = volunteer.post("/campagnes/nouvelle", form(NAME, "", "liste.csv", wrong)).getResponseBody();

        assertThat(between(page, "id=\"targets-file\"", "name=\"channel\""))
                .contains(html("liste.csv, ligne 3 : « Belfort (90) » n'est ni un code INSEE ni un code d'organisme."))
                .contains(html("liste.csv, ligne 5 : « 99999 » n'est ni un code INSEE ni un code d'organisme connu."));
        assertThat(page).doesNotContain("class=\"plan\"");
    }

    @Test
    void mistakes_are_shown_next_to_their_field_with_what_was_typed() {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        volunteer.get("/campagnes/nouvelle");
        MultiValueMap<String, Object> typed = form("Ma campagne <b>", "90001\nBelfort (90)\nmairie-inconnue");
        typed.remove("templates");
        typed.set("targets.minPopulation", "beaucoup");

        EntityExchangeResult<String> result = volunteer.post("/campagnes/nouvelle", typed);
        String page = result.getResponseBody();

        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page).contains(html("Le formulaire contient des erreurs"))
                .doesNotContain("class=\"plan\"").doesNotContain("name=\"token\"");
        assertThat(between(page, "<legend>Modèles de lettre</legend>", "type=\"checkbox\""))
                .contains("Choisissez au moins un modèle de lettre.");
        assertThat(between(page, "id=\"targets.minPopulation\"", "for=\"targets.codes\""))
                .contains("Écrivez la population minimale en chiffres");
        assertThat(between(page, "id=\"targets.codes\"", "for=\"targets-file\""))
                .contains(html("ligne 2 : « Belfort (90) » n'est ni un code INSEE ni un code d'organisme."))
                .contains(html("ligne 3 : « mairie-inconnue » n'est ni un code INSEE ni un code d'organisme connu."))
                .doesNotContain("ligne 1");
        assertThat(page).as("what was typed is kept, escaped")
                .contains("value=\"Ma campagne &lt;b&gt;\"").contains("value=\"beaucoup\"")
                .contains("90001\nBelfort (90)\nmairie-inconnue</textarea>")
                .doesNotContain("<b>");

        MultiValueMap<String, Object> unknownDepartement = form(NAME, "");
        unknownDepartement.set("targets.departement", "99");
        String departement = volunteer.post("/campagnes/nouvelle", unknownDepartement).getResponseBody();
        assertThat(between(departement, "id=\"targets.departement\"", "for=\"targets.minPopulation\""))
                .as("the domain's own sentence").contains(html("Le département « 99 » n'existe pas"));

        String nothing = volunteer.post("/campagnes/nouvelle", form(NAME, "")).getResponseBody();
        assertThat(between(nothing, "<legend>Destinataires</legend>", "for=\"targets.departement\""))
                .contains("Choisissez des destinataires");
    }

    @Test
    void every_intercommunalite_of_a_departement_and_one_by_its_code() {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        assertThat(volunteer.get("/campagnes/nouvelle")).contains("Intercommunalités du département");
        MultiValueMap<String, Object> typed = form(NAME + " epci", "epci-200030195");
        typed.set("targets.epciDepartement", "90");
        String plan = volunteer.post("/campagnes/nouvelle", typed).getResponseBody();
        // The Territoire de Belfort's EPCI, and the Métropole Nice Côte d'Azur by its code.
        assertThat(plan).contains("class=\"plan\"").contains(html("Métropole Nice Côte d'Azur"))
                .contains(html("Grand Belfort"));

        MultiValueMap<String, Object> unknown = form(NAME, "");
        unknown.set("targets.epciDepartement", "99");
        String page = volunteer.post("/campagnes/nouvelle", unknown).getResponseBody();
        assertThat(between(page, "id=\"targets.epciDepartement\"", "for=\"targets.minPopulation\""))
                .contains(html("Le département « 99 » n’existe pas"));
    }

    @Test
    void a_launch_sent_twice_with_the_same_token_creates_one_campaign() throws Exception {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        volunteer.get("/campagnes/nouvelle");
        String name = NAME + " double clic";
        MultiValueMap<String, Object> form = form(name, String.join("\n", communes));
        String token = token(volunteer.post("/campagnes/nouvelle", form).getResponseBody());
        form.set("token", token);

        CountDownLatch together = new CountDownLatch(2);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<String> locations = new ArrayList<>();
        try {
            List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> {
                    together.countDown();
                    together.await();
                    return volunteer.post("/campagnes", form);
                }));
            }
            for (Future<EntityExchangeResult<String>> answer : answers) {
                EntityExchangeResult<String> result = answer.get(2, TimeUnit.MINUTES);
                assertThat(result.getStatus().is3xxRedirection()).as(result.getResponseBody()).isTrue();
                locations.add(result.getResponseHeaders().getLocation().getPath());
            }
        } finally {
            clicks.shutdownNow();
        }
        EntityExchangeResult<String> again = volunteer.post("/campagnes", form);
        locations.add(again.getResponseHeaders().getLocation().getPath());

        assertThat(Set.copyOf(locations)).hasSize(1);
        assertThat(locations.get(0)).matches("/campagnes/\\d+");
        assertThat(campaignsNamed(name)).isEqualTo(1);
        long id = Long.parseLong(locations.get(0).substring("/campagnes/".length()));
        awaitDone(volunteer, id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request WHERE campaign_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void a_form_changed_after_its_dry_run_is_shown_again_rather_than_launched() {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        volunteer.get("/campagnes/nouvelle");
        MultiValueMap<String, Object> form = form(NAME + " changé", String.join("\n", communes));
        String token = token(volunteer.post("/campagnes/nouvelle", form).getResponseBody());
        form.set("token", token);
        form.set("targets.codes", communes.get(0));

        EntityExchangeResult<String> changed = volunteer.post("/campagnes", form);

        assertThat(changed.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getResponseBody()).contains(html("Le formulaire a changé depuis l’aperçu"))
                .contains("<dd class=\"plan-requests\">1</dd>");
        assertThat(token(changed.getResponseBody())).isNotEqualTo(token);
        assertThat(campaignsNamed(NAME + " changé")).isZero();

        form.set("token", "from-an-expired-session");
        EntityExchangeResult<String> expired = volunteer.post("/campagnes", form);
        assertThat(expired.getResponseBody()).contains(html("n’est plus valable"));
        assertThat(campaignsNamed(NAME + " changé")).isZero();
    }

    @Test
    void a_launched_campaign_is_followed_on_its_page_and_by_its_progress_endpoint() throws Exception {
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        volunteer.get("/campagnes/nouvelle");
        MultiValueMap<String, Object> form = form(NAME + " suivi", String.join("\n", communes));
        form.set("token", token(volunteer.post("/campagnes/nouvelle", form).getResponseBody()));
        String location = volunteer.post("/campagnes", form).getResponseHeaders().getLocation().getPath();
        long id = Long.parseLong(location.substring("/campagnes/".length()));

        Map<String, Object> progress = awaitDone(volunteer, id);

        assertThat(progress).containsEntry("id", (int) id).containsEntry("state", "done")
                .containsEntry("stateLabel", "terminée").containsEntry("planned", 2).containsEntry("created", 2)
                .containsEntry("ready", 2).containsEntry("sent", 0).containsEntry("skipped", 1)
                .containsEntry("running", false).containsEntry("resumable", false);
        String page = volunteer.get(location);
        List<String> references = jdbc.sql("SELECT reference FROM request WHERE campaign_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(references).hasSize(2);
        assertThat(page).contains("<h1>" + html(NAME + " suivi") + "</h1>").contains("data-running=\"false\"")
                .as("launched: the browser may forget its copy of the form").contains("data-forget=\"campaign-new\"")
                .contains("href=\"/demandes/" + references.get(0) + "\"")
                .contains("href=\"/demandes/" + references.get(1) + "\"")
                .contains(html(names.get(2) + " (vsa) : ni adresse postale ni courriel connus"))
                .contains("<dd data-count=\"created\">2</dd>").contains("terminée")
                .contains("<span>Vidéosurveillance algorithmique (VSA)</span>")
                .doesNotContain("Reprendre");
        assertThat(volunteer.get("/campagnes")).contains("href=\"" + location + "\"")
                .contains(html(NAME + " suivi")).contains(TestUsers.VOLUNTEER)
                .contains("<span>Vidéosurveillance algorithmique (VSA)</span>");
    }

    @Test
    void a_campaign_whose_job_never_ran_can_be_resumed_from_its_page() throws Exception {
        long id = campaigns.create(new NewCampaign(NAME + " reprise", List.of("cctv"),
                new CampaignTargets(List.of(), null, null, false, communes), null), TestUsers.VOLUNTEER);
        Browser volunteer = signIn(TestUsers.VOLUNTEER);
        String page = volunteer.get("/campagnes/" + id);
        assertThat(page).contains("Reprendre").contains("interrompue");

        EntityExchangeResult<String> resumed = volunteer.post("/campagnes/" + id + "/reprise",
                new LinkedMultiValueMap<>());

        assertThat(resumed.getResponseHeaders().getLocation().getPath()).isEqualTo("/campagnes/" + id);
        assertThat(awaitDone(volunteer, id)).containsEntry("created", 2);
    }

    @Test
    void a_researcher_may_not_build_campaigns() {
        Browser researcher = signIn(TestUsers.RESEARCHER);
        for (String uri : List.of("/campagnes", "/campagnes/nouvelle", "/campagnes/1/progression")) {
            assertThat(researcher.exchange(uri).getStatus()).as(uri).isEqualTo(HttpStatus.FORBIDDEN);
        }
        EntityExchangeResult<String> anonymous = client.get().uri("/campagnes/nouvelle").exchange()
                .returnResult(String.class);
        assertThat(anonymous.getStatus().is3xxRedirection()).isTrue();
        assertThat(anonymous.getResponseHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    // --- a browser: a session cookie and the CSRF token of the last page -----------------------------------------

    private final class Browser {
        private String session;
        private String csrf;

        Browser(String session, String csrf) {
            this.session = session;
            this.csrf = csrf;
        }

        EntityExchangeResult<String> exchange(String uri) {
            return client.get().uri(uri).cookie("JSESSIONID", session).exchange().returnResult(String.class);
        }

        String get(String uri) {
            EntityExchangeResult<String> result = exchange(uri);
            assertThat(result.getStatus()).as(uri).isEqualTo(HttpStatus.OK);
            remember(result.getResponseBody());
            return result.getResponseBody();
        }

        EntityExchangeResult<byte[]> getBytes(String uri) {
            EntityExchangeResult<byte[]> result = client.get().uri(uri).cookie("JSESSIONID", session).exchange()
                    .returnResult(byte[].class);
            assertThat(result.getStatus()).as(uri).isEqualTo(HttpStatus.OK);
            return result;
        }

        Map<String, Object> json(String uri) {
            return client.get().uri(uri).cookie("JSESSIONID", session).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody();
        }

        EntityExchangeResult<String> post(String uri, MultiValueMap<String, Object> form) {
            MultiValueMap<String, Object> withToken = new LinkedMultiValueMap<>(form);
            withToken.set("_csrf", csrf);
            EntityExchangeResult<String> result = client.post().uri(uri).cookie("JSESSIONID", session)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(withToken).exchange()
                    .returnResult(String.class);
            if (result.getResponseBody() != null) {
                remember(result.getResponseBody());
            }
            return result;
        }

        private synchronized void remember(String page) {
            Matcher matcher = CSRF.matcher(page);
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }

    private Browser signIn(String username) {
        EntityExchangeResult<String> login = client.get().uri("/login").exchange().returnResult(String.class);
        Matcher csrf = CSRF.matcher(login.getResponseBody());
        assertThat(csrf.find()).isTrue();
        MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
        credentials.add("username", username);
        credentials.add("password", TestUsers.PASSWORD);
        credentials.add("_csrf", csrf.group(1));
        EntityExchangeResult<String> signedIn = client.post().uri("/login")
                .cookie("JSESSIONID", sessionCookie(login))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(credentials).exchange()
                .returnResult(String.class);
        assertThat(signedIn.getResponseHeaders().getLocation()).isNotNull();
        assertThat(signedIn.getResponseHeaders().getLocation().toString()).doesNotContain("error");
        return new Browser(sessionCookie(signedIn), null);
    }

    private static String sessionCookie(EntityExchangeResult<?> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("JSESSIONID");
        assertThat(cookie).as("a session cookie").isNotNull();
        return cookie.getValue();
    }

    // --- forms and pages -----------------------------------------------------------------------------------------

    /** The form as a browser sends it (multipart, with Spring's markers of unchecked boxes). */
    private static MultiValueMap<String, Object> form(String name, String codes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        form.add("templates", "vsa");
        form.add("_templates", "on");
        form.add("targets.departement", "");
        form.add("targets.minPopulation", "");
        form.add("_targets.registry", "on");
        form.add("targets.codes", codes);
        form.add("channel", "AUTO");
        form.add("action", "apercu");
        return form;
    }

    private static MultiValueMap<String, Object> form(String name, String codes, String fileName, String content) {
        MultiValueMap<String, Object> form = form(name, codes);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.setContentDisposition(ContentDisposition.formData().name("targets.file").filename(fileName).build());
        form.add("targets.file", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers));
        return form;
    }

    private static String token(String page) {
        Matcher matcher = LAUNCH_TOKEN.matcher(page);
        assertThat(matcher.find()).as("a launch button with its token").isTrue();
        return matcher.group(1);
    }

    /** The part of a page between two markers: what is shown next to a field. */
    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = page.indexOf(to, start);
        assertThat(end).as(to).isGreaterThan(start);
        return page.substring(start, end);
    }

    /** Text as Thymeleaf escapes it. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private int campaignsNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = ?").param(name).query(Integer.class).single();
    }

    private static Map<String, Object> awaitDone(Browser browser, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Map<String, Object> progress = browser.json("/campagnes/" + id + "/progression");
        while (Boolean.TRUE.equals(progress.get("running")) && System.nanoTime() < deadline) {
            Thread.sleep(50); // often, as a page left open in several tabs would: reading must not disturb the job
            progress = browser.json("/campagnes/" + id + "/progression");
        }
        assertThat(progress).as("finished in time").containsEntry("running", false);
        return progress;
    }

    /** A test that failed half-way may leave a job running: let it finish before its rows are deleted. */
    private void awaitNoCampaignRunning() {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name LIKE ? "
                + "AND status = 'RUNNING'").param(NAME + "%").query(Integer.class).single() > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.publish.Publications;
import fr.lanterne.publish.PublishedPdfs;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The redaction editor of a document page (issue 15): a volunteer opens a letter answering a request, accepts the
 * proposals, draws a box with the mouse, publishes; a visitor without an account (a browser of their own) opens the
 * request's public page and the published file, which holds nothing occulted; another answer to the same request,
 * unpublished, stays invisible. On a phone too (390 px), and without a Content-Security-Policy violation.
 */
@LanterneIntegrationTest
class RedactionBrowserIT {

    private static final String SISTERON = "04209";
    private static final String TOWN_HALL = "mairie-" + SISTERON;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Documents documents;

    @Autowired
    Publications publications;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@sisteron.test", "Place de la République\n"
                + "04200 Sisteron", null, null), "test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_volunteer_accepts_the_proposals_draws_a_box_and_publishes_and_a_visitor_reads_the_redacted_file()
            throws Exception {
        RequestDetails request = requests.create(new NewRequest(SISTERON, "cctv", Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        request = requests.recordSent(request.reference(), LocalDate.now(clock).minusDays(3), TestUsers.VOLUNTEER);
        String reference = request.reference().value();
        // Both answer the request; the file's name holds a person's name, which visitors never read.
        String sha = upload(PublishedPdfs.letter("Annexe remise par Mme Berthier."), "courrier_Mme_Berthier.pdf",
                reference);
        String hidden = upload(PublishedPdfs.letter("Document jamais publié."), "interne.pdf", reference);
        assertThat(visitorStatus("/documents/" + hidden + "/fichier")).isEqualTo(404);

        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.go("/documents/" + sha);
        browser.find(By.cssSelector("#redaction .redaction-item"));
        browser.find(By.cssSelector("#redaction .redaction-page img"));
        waitFor("document.querySelectorAll('#redaction .redaction-box.pending').length > 3");
        browser.assertShows("Occulter avant de publier", "Courriel", "Téléphone");
        browser.screenshot("redaction-01-propositions");

        browser.find(By.cssSelector("#redaction [data-action=accept-all]")).click();
        waitFor("document.querySelectorAll('#redaction .redaction-box.pending').length === 0"
                + " && document.querySelectorAll('#redaction .redaction-box.accepted').length > 3");

        // A box drawn with the mouse over the annex's last line, on page 2.
        WebElement page2 = browser.find(By.cssSelector("#redaction .redaction-page[data-page='2']"));
        browser.script("arguments[0].scrollIntoView()", page2);
        int count = ((Number) browser.script("return document.querySelectorAll('#redaction .redaction-item').length"))
                .intValue();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> rect = (java.util.Map<String, Number>) browser.script(
                "var r = arguments[0].getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width};",
                page2);
        double scale = rect.get("width").doubleValue() / 595.0;
        int left = (int) Math.ceil(rect.get("left").doubleValue());
        int top = (int) Math.ceil(rect.get("top").doubleValue());
        new Actions(browser.driver())
                .moveToLocation(left + (int) (40 * scale), top + (int) (50 * scale))
                .clickAndHold()
                .moveToLocation(left + (int) (440 * scale), top + (int) (80 * scale))
                .release()
                .perform();
        waitFor("document.querySelectorAll('#redaction .redaction-item').length === " + (count + 1));
        browser.assertShows("Zone dessinée", "Berthier");
        browser.screenshot("redaction-02-zone-dessinee");

        browser.find(By.cssSelector("#redaction [data-action=publish]")).click();
        WebElement link = browser.find(By.cssSelector("#redaction [data-field=public-url]"));
        URI publicUrl = URI.create(link.getAttribute("href"));
        assertThat(publicUrl.getPath()).isEqualTo("/documents/" + sha + "/fichier");
        assertThat(browser.contentSecurityViolations()).isEmpty();

        browser.resize(390);
        browser.go("/documents/" + sha);
        browser.find(By.cssSelector("#redaction .redaction-page img"));
        assertThat(browser.scrollWidth()).as("nothing wider than a phone").isLessThanOrEqualTo(browser.innerWidth());
        browser.screenshot("redaction-03-telephone", 390);

        // A visitor: the published file, which holds nothing occulted.
        browser.signOut();
        browser.go("/documents/" + sha);
        browser.assertShows("vidéoprotection");
        assertThat(browser.text()).doesNotContain("LAMBERT").doesNotContain("Berthier");
        byte[] file = visitorBytes(publicUrl.getPath());
        String text = PublishedPdfs.pdftotext(file);
        assertThat(text).contains("vidéoprotection").doesNotContain("LAMBERT")
                .doesNotContain("sophie.lambert@orange.fr").doesNotContain("Berthier");
        browser.go("/documents/" + hidden);
        assertThat(browser.text()).doesNotContain("jamais publié");
        assertThat(visitorStatus("/documents/" + hidden + "/fichier")).isEqualTo(404);
        assertThat(visitorStatus("/documents/" + hidden)).isEqualTo(404);

        // A visitor with a browser of their own (no cookie): the request's public page lists the published answer
        // only, and its file link gives the redacted PDF.
        Browser visitor = Browser.open(port);
        try {
            visitor.go("/demandes-publiques/" + reference);
            visitor.assertShows(reference, "Mairie de Sisteron", "Documents publiés");
            List<WebElement> listed = visitor.driver().findElements(By.cssSelector("#documents li"));
            assertThat(listed).hasSize(1);
            WebElement fileLink = visitor.find(By.cssSelector("#documents li a.file"));
            assertThat(URI.create(fileLink.getAttribute("href")).getPath()).isEqualTo("/documents/" + sha + "/fichier");
            assertThat(visitor.driver().getPageSource()).doesNotContain(hidden).doesNotContain("Berthier")
                    .doesNotContain("interne.pdf");
            assertThat(visitor.contentSecurityViolations()).isEmpty();
            visitor.screenshot("redaction-04-demande-publique");
            visitor.screenshot("redaction-05-demande-publique-telephone", 390);
            byte[] followed = visitorBytes(URI.create(fileLink.getAttribute("href")).getPath());
            assertThat(PublishedPdfs.pdftotext(followed)).contains("vidéoprotection").doesNotContain("LAMBERT")
                    .doesNotContain("sophie.lambert@orange.fr").doesNotContain("Berthier");
            visitor.go("/documents/" + sha);
            visitor.assertShows("vidéoprotection");
            assertThat(visitor.driver().getPageSource()).doesNotContain("Berthier").doesNotContain("LAMBERT");
        } finally {
            visitor.close();
        }
    }

    private void waitFor(String condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.script("return " + condition)));
    }

    private String upload(byte[] pdf, String name, String reference) {
        DocumentRecords.Item item = documents.upload(name, pdf, reference, TestUsers.VOLUNTEER).items().get(0);
        assertThat(item.result()).isEqualTo(DocumentRecords.Result.INGESTED);
        return item.sha256();
    }

    private int visitorStatus(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private byte[] visitorBytes(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.publish.Publications;
import fr.lanterne.publish.PublishedPdfs;
import fr.lanterne.users.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The redaction editor of a document page (issue 15): a volunteer opens a letter, accepts the proposals, draws a box
 * with the mouse, publishes; a visitor without an account opens the published file, which holds nothing occulted;
 * an unpublished document stays invisible. On a phone too (390 px), and without a Content-Security-Policy violation.
 */
@LanterneIntegrationTest
class RedactionBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Documents documents;

    @Autowired
    Publications publications;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
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
        String sha = upload(PublishedPdfs.letter("Annexe remise par Mme Berthier."), "courrier.pdf");
        String hidden = upload(PublishedPdfs.letter("Document jamais publié."), "interne.pdf");
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
    }

    private void waitFor(String condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.script("return " + condition)));
    }

    private String upload(byte[] pdf, String name) {
        DocumentRecords.Item item = documents.upload(name, pdf, null, TestUsers.ADMIN).items().get(0);
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

package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main pages under the strict Content-Security-Policy (issue 12): the browser refuses nothing on any of them (a
 * blocked script or style fails silently, so Chrome's console is read), and their scripts still work.
 */
@LanterneIntegrationTest
class ContentSecurityPolicyBrowserIT {

    private static final String BRIANCON = "05023";
    private static final String TOWN_HALL = "mairie-" + BRIANCON;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    Requests requests;

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@briancon.test", "1 rue Aspirant Jan\n"
                + "05100 Briançon", null, null), "test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void no_page_has_anything_refused_by_the_content_security_policy() {
        RequestDetails request = requests.create(new NewRequest(BRIANCON, "cctv", Channel.EMAIL, false),
                TestUsers.ADMIN);
        String sha256 = documents.upload("deliberation.pdf", TestDocuments.textPdf("Délibération " + UUID.randomUUID(),
                List.of(List.of("Délibération : vidéoprotection, 12 caméras."))), request.reference().value(),
                TestUsers.ADMIN).items().get(0).sha256();

        browser.go("/login");
        assertThat(browser.contentSecurityViolations()).as("/login").isEmpty();
        browser.go("/login?bloque=12");
        browser.assertShows("la connexion est suspendue", "Réessayez dans 12 minutes");
        browser.screenshot("15-connexion-suspendue");
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        for (String page : List.of("/", "/communes/" + BRIANCON, "/communes/" + BRIANCON + "/demande", "/demandes",
                "/demandes/" + request.reference(), "/travail", "/registre", "/registre/nouveau", "/statistiques",
                "/campagnes", "/campagnes/nouvelle", "/recherche?q=vidéoprotection", "/documents/" + sha256,
                "/journal")) {
            browser.go(page);
            browser.waitForPage();
            assertThat(browser.contentSecurityViolations()).as(page).isEmpty();
        }

        // The check sees a violation when there is one: an inline script added to the page is refused.
        ((JavascriptExecutor) browser.driver()).executeScript("var s = document.createElement('script');"
                + "s.textContent = 'window.ran = true;'; document.body.appendChild(s);");
        assertThat(browser.contentSecurityViolations()).isNotEmpty();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.ran === true")).isEqualTo(false);
    }

    @Test
    void the_request_filter_still_applies_itself_from_its_script() {
        requests.create(new NewRequest(BRIANCON, "cctv", Channel.EMAIL, false), TestUsers.VOLUNTEER);
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.go("/demandes");
        Select filter = new Select(browser.find(By.id("etat")));
        filter.selectByIndex(1);
        browser.waitForPage();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("etat="));
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }
}

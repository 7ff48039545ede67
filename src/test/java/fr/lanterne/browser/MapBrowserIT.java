package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /carte} as a visitor sees it in public mode, on a laptop and on a phone, with nothing but the server
 * (no tile server is configured, {@code lanterne.map.tile-url} blank in {@link LanterneIntegrationTest}, and every
 * request the page made is checked to have stayed on the server's origin). Screenshots in
 * target/screenshots (desktop-carte.png, phone-carte.png).
 */
@LanterneIntegrationTest
class MapBrowserIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    Users users;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_map_draws_the_departements_and_the_towns_and_filters_by_technology() {
        for (int width : new int[] {PhoneLayoutBrowserIT.DESKTOP, PhoneLayoutBrowserIT.PHONE}) {
            browser.resize(width);
            browser.go("/carte");
            waitForReady("all");
            // One SVG path per département outline (101) and one per town marker.
            int paths = browser.driver().findElements(By.cssSelector("#carte path.leaflet-interactive")).size();
            assertThat(paths).as("width %d", width).isGreaterThanOrEqualTo(101);
            assertThat(browser.driver().findElements(By.cssSelector("#carte path.town-marker"))).isNotEmpty();
            assertThat(browser.driver().findElement(By.id("map-status")).getText()).contains("Communes documentées");
            int windowWidth = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth")).intValue();
            assertThat(windowWidth).as("nothing wider than the window").isLessThanOrEqualTo(width);
            browser.screenshot((width == PhoneLayoutBrowserIT.PHONE ? "phone" : "desktop") + "-carte", width);
            assertThat(browser.contentSecurityViolations()).isEmpty();
            assertThat(requestsMade()).as("width %d", width).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
        }
        new Select(browser.driver().findElement(By.id("technology"))).selectByValue("DRONES");
        waitForReady("?technology=DRONES");
        int drones = browser.driver().findElements(By.cssSelector("#carte path.town-marker")).size();
        new Select(browser.driver().findElement(By.id("technology"))).selectByValue("");
        waitForReady("all");
        int all = browser.driver().findElements(By.cssSelector("#carte path.town-marker")).size();
        assertThat(drones).isLessThan(all);
        // A town's popup links to its page.
        // The topmost marker (towns without a camera of their own share their département's position).
        java.util.List<org.openqa.selenium.WebElement> markers = browser.driver()
                .findElements(By.cssSelector("#carte path.town-marker"));
        markers.get(markers.size() - 1).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector(".leaflet-popup-content a[href*='/communes/']")).isEmpty());
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    /** Every URL the page fetched (documents, scripts, styles, images, API calls), from the Resource Timing API. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> requestsMade() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))");
    }

    private void waitForReady(String filter) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                filter.equals(d.findElement(By.id("carte")).getDomAttribute("data-ready")));
    }

    @Test
    void a_volunteer_records_a_camera_on_the_phone_page_and_the_form_survives_a_reload() throws Exception {
        TestUsers.ensure(users);
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.resize(PhoneLayoutBrowserIT.PHONE);
        String walk = "Forcalquier " + UUID.randomUUID().toString().substring(0, 8);
        browser.go("/carte/releve?walk=" + walk.replace(" ", "%20"));
        browser.type(By.id("insee"), "04088");
        browser.type(By.id("lat"), "43.9597");
        browser.type(By.id("lon"), "5.7806");
        new Select(browser.driver().findElement(By.id("cameraType"))).selectByValue("dome");
        browser.type(By.id("note"), "au-dessus du kiosque");
        // A lost signal: the page comes back with what was typed.
        browser.driver().navigate().refresh();
        browser.waitForPage();
        assertThat(browser.driver().findElement(By.id("insee")).getDomProperty("value")).isEqualTo("04088");
        assertThat(browser.driver().findElement(By.id("note")).getDomProperty("value")).isEqualTo("au-dessus du kiosque");
        assertThat(browser.driver().findElement(By.id("cameraType")).getDomProperty("value")).isEqualTo("dome");
        Path photo = Files.createTempFile("camera", ".jpg");
        Files.write(photo, fr.lanterne.map.MapTestPhotos.withExif());
        browser.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        browser.clickAndWait(By.cssSelector("#walk-form button[type=submit]"));
        browser.assertShows("enregistrée", "Une caméra dans ce relevé");
        assertThat(browser.driver().findElements(By.cssSelector("#walk-cameras li"))).hasSize(1);
        // Recorded: the position and the note are forgotten, the town and the walk kept.
        assertThat(browser.driver().findElement(By.id("note")).getDomProperty("value")).isEmpty();
        assertThat(browser.driver().findElement(By.id("insee")).getDomProperty("value")).isEqualTo("04088");
        browser.screenshot("phone-carte-releve", PhoneLayoutBrowserIT.PHONE);
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }
}

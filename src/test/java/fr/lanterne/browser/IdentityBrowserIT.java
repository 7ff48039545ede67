package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestIdentity;
import fr.lanterne.TestUsers;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The setup page of the requester identity in a real browser, at a desktop's width and a phone's: the banner that
 * leads to it while the identity is missing, the fields of the kind chosen, an error beside its field, no sideways
 * scrolling at 390 px. Screenshots in target/screenshots/identite-*.png.
 */
@LanterneIntegrationTest
class IdentityBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Settings settings;

    Browser browser;

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
        TestIdentity.restore(settings);
    }

    @Test
    void an_administrator_follows_the_banner_and_completes_the_identity_on_a_desktop_and_a_phone() {
        settings.clearIdentity();
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        browser.go("/travail");
        browser.assertShows("Complétez l’identité du demandeur");
        browser.clickAndWait(By.cssSelector("#identity-banner a"));
        assertThat(browser.path()).isEqualTo("/reglages/identite");

        for (int width : new int[] {1366, 390}) {
            resize(width);
            browser.go("/reglages/identite");
            browser.waitForPage();
            browser.find(By.id("kind-legal")).click();
            assertThat(browser.find(By.id("denomination")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("surname")).isDisplayed())
                    .as("the natural person's fields are hidden for a legal person").isFalse();
            browser.type(By.id("legalForm"), "Association déclarée (loi 1901)");
            browser.type(By.id("denomination"), "Vigilance Isère");
            browser.type(By.id("seatAddress"), "8 place Grenette\nGrenoble");
            browser.type(By.id("representativeName"), "Dominique Roux");
            browser.type(By.id("representativeTitle"), "présidente");
            browser.type(By.id("mailbox"), "cada@collectif-isere.test");
            browser.type(By.id("place"), "Grenoble");
            browser.clickAndWait(By.cssSelector(".identity-form button[type=submit]"));
            browser.assertShows("Il manque la ligne du code postal et de la commune");
            assertNoSidewaysScroll(width);
            screenshot("identite-erreur-" + width);

            browser.type(By.id("seatAddress"), "8 place Grenette\n38000 Grenoble");
            browser.clickAndWait(By.cssSelector(".identity-form button[type=submit]"));
            browser.assertShows("L’identité du demandeur est enregistrée", "représentée par Dominique Roux, présidente");
            assertNoSidewaysScroll(width);
            screenshot("identite-" + width);
            settings.clearIdentity();
        }
    }

    private void assertNoSidewaysScroll(int width) {
        Long scrollWidth = (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(width);
    }

    /** The page as a device of that width shows it (a window cannot be made as narrow as a phone). */
    private void resize(int width) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The whole page at the emulated width. */
    private void screenshot(String name) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        Long height = (Long) driver.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
                        driver.executeScript("return document.documentElement.clientWidth"), "height",
                        Math.min(height, 6000), "scale", 1)));
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve(name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestDirectory;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.users.Users;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Addresses in a real browser: a volunteer types a town hall's address on its page; an administrator imports the
 * directory (the upload and import progress run in the page's script) and reads the report; a campaign's dry run
 * links the towns left out to their address form. Each page is photographed at desktop (1366 px) and phone
 * (390 px) widths, and must not scroll sideways on the phone.
 */
@LanterneIntegrationTest
class AddressBrowserIT {

    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;
    /** The elements that stick out of the screen, innermost first, to say what to fix. */
    private static final String TOO_WIDE = """
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right
                        > document.documentElement.clientWidth + 1))
                .slice(0, 8)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                .join(', ');""";

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    private List<String> communes;
    private List<String> townHalls;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
        communes = authorities.communeCodes("42", null).subList(30, 34);
        townHalls = communes.stream().map(AuthorityCodes::townHall).toList();
        TestData.forgetRequests(jdbc, townHalls);
        TestData.forgetContacts(jdbc, townHalls);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        TestData.forgetContacts(jdbc, townHalls);
    }

    @Test
    void a_volunteer_types_an_address_an_administrator_imports_the_directory_and_a_dry_run_links_the_rest()
            throws IOException {
        String insee = communes.get(0);
        String name = authorities.commune(insee).name();
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.go("/communes/" + insee);
        browser.assertShows("Aucune adresse connue pour cette mairie : saisissez-la ci-dessous.");
        browser.type(By.id("address-postal"), "Place de la Mairie\n4200 " + name);
        browser.clickAndWait(By.cssSelector("form.address-form button[type=submit]"));
        browser.assertShows("La dernière ligne doit être le code postal à cinq chiffres");
        shoot("20-commune-adresse-erreur");
        browser.type(By.id("address-postal"), "Hôtel de ville\nPlace de la Mairie\n42999 " + name);
        browser.type(By.id("address-email"), "mairie@" + insee + ".example");
        browser.clickAndWait(By.cssSelector("form.address-form button[type=submit]"));
        browser.assertShows("Adresse enregistrée", "42999 " + name, "saisie par " + TestUsers.VOLUNTEER + " le ");
        shoot("21-commune-adresse");

        // The campaign dry run: the towns without an address, each linked to its address form.
        browser.go("/campagnes/nouvelle");
        browser.find(By.cssSelector("input[name=templates][value=vsa]")).click();
        browser.type(By.id("targets.codes"), String.join("\n", communes.subList(0, 3)));
        browser.clickAndWait(By.cssSelector("button[name=action][value=apercu]"));
        browser.assertShows("2 destinataires sans adresse connue");
        assertThat(browser.driver().findElements(By.cssSelector("#sans-adresse a[href$='#adresse']"))).hasSize(2);
        shoot("22-campagne-sans-adresse");
        browser.signOut();

        // The administrator imports the directory: progress, then the report.
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        browser.go("/reglages/annuaire");
        browser.assertShows("Importer les adresses des mairies", "api-lannuaire-administration");
        shoot("24-annuaire-formulaire");
        Path file = Files.createTempFile("annuaire-mairies-", ".csv");
        Files.writeString(file, directory(), StandardCharsets.UTF_8);
        try {
            browser.driver().findElement(By.id("directory-file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector("#directory-form button[type=submit]")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> browser.path().matches("/reglages/annuaire/[0-9a-f-]{36}")
                            && !d.findElements(By.id("import-report")).isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
        // Reached by the page's script once the import ended (XMLHttpRequest, then polling), not by the form's redirect.
        assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n.type + ' ' + n.redirectCount"))
                .isEqualTo("navigate 0");
        browser.assertShows("Import terminé.", "Lignes lues", "Communes mises à jour");
        assertThat(browser.driver().findElement(By.cssSelector(".report-recorded")).getText()).isEqualTo("2");
        shoot("23-annuaire-rapport");
        assertThat(authorities.townHall(communes.get(1)).contact().email())
                .isEqualTo("mairie@" + communes.get(1) + ".example");
    }

    /** A small export in the directory's shape: two town halls of the dry run, and one unknown commune. */
    private String directory() {
        return TestDirectory.HEADER
                + TestDirectory.line(1, communes.get(1), "mairie@" + communes.get(1) + ".example")
                + TestDirectory.line(2, communes.get(2), "mairie@" + communes.get(2) + ".example")
                + TestDirectory.line(3, "99999", "mairie@fantome.example");
    }

    /** The whole page at desktop and phone widths; at phone width, nothing wider than the screen. */
    private void shoot(String name) {
        for (int width : new int[] {DESKTOP, PHONE}) {
            var driver = browser.driver();
            driver.manage().window().setSize(new Dimension(width, 900));
            Long scrollWidth = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth");
            if (width == PHONE) {
                assertThat(scrollWidth).as("%s at %d px: no sideways scrolling; too wide: %s", name, width,
                        ((JavascriptExecutor) driver).executeScript(TOO_WIDE)).isLessThanOrEqualTo(PHONE);
            }
            Long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 800), 6000)));
            try {
                Files.createDirectories(Browser.SCREENSHOTS);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), Browser.SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }
}

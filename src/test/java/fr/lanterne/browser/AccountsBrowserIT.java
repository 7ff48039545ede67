package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The account pages and the profile in a real browser, at a laptop's width and a phone's: nothing wider than the
 * screen, the header tidy with its new links. Screenshots land in target/screenshots.
 */
@LanterneIntegrationTest
class AccountsBrowserIT {

    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    Browser browser;

    private final String name = "nav-" + Long.toString(System.nanoTime() % 100_000_000L, 36);

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
    void an_administrator_creates_an_account_and_every_page_fits_a_phone() {
        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        browser.go("/comptes");
        browser.resize(DESKTOP);
        assertFits(DESKTOP);
        // The header's links, the user's name and the sign-out button stay inside the window.
        assertThat(browser.number("Math.ceil(document.querySelector('.site-header nav').getBoundingClientRect().right)"))
                .isLessThanOrEqualTo(DESKTOP);
        assertThat(browser.find(By.cssSelector(".site-header a.user")).getText()).isEqualTo(TestUsers.ADMIN);
        browser.screenshot("accounts-01-list-1366", DESKTOP);
        browser.resize(PHONE);
        assertFits(PHONE);
        browser.screenshot("accounts-01-list-390", PHONE);

        browser.resize(DESKTOP);
        browser.go("/comptes/nouveau");
        browser.screenshot("accounts-02-form-1366", DESKTOP);
        browser.type(By.id("username"), "camille martin");
        browser.type(By.id("email"), "camille@");
        browser.clickAndWait(By.cssSelector("form.account-form button[type=submit]"));
        browser.assertShows("n’est pas une adresse électronique");
        browser.resize(PHONE);
        assertFits(PHONE);
        browser.screenshot("accounts-02-form-errors-390", PHONE);

        browser.resize(DESKTOP);
        browser.type(By.id("username"), name);
        browser.type(By.id("email"), "");
        browser.clickAndWait(By.cssSelector("form.account-form button[type=submit]"));
        browser.assertShows("Le compte est créé", "Transmettez ce lien");
        assertThat(browser.find(By.id("password-link")).getDomProperty("value")).contains("/mot-de-passe/");
        browser.resize(PHONE);
        assertFits(PHONE);
        browser.screenshot("accounts-03-account-390", PHONE);
        browser.screenshot("accounts-03-account-1366", DESKTOP);
    }

    @Test
    void a_volunteer_finds_their_calendar_address_on_their_profile() {
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.resize(DESKTOP);
        browser.go("/");
        browser.clickAndWait(By.cssSelector(".site-header a.user"));
        assertThat(browser.path()).isEqualTo("/profil");
        String link = browser.find(By.id("calendar-link")).getDomProperty("value");
        assertThat(link).startsWith("http").contains("/calendar/").endsWith(".ics");
        browser.find(By.cssSelector("button[data-copy=calendar-link]")).click();
        assertThat(browser.number("document.activeElement.id === 'calendar-link' "
                + "? document.activeElement.selectionEnd - document.activeElement.selectionStart : -1")).as("the address is selected")
                .isEqualTo(link.length());
        assertFits(DESKTOP);
        browser.screenshot("accounts-04-profile-1366", DESKTOP);
        browser.resize(PHONE);
        assertFits(PHONE);
        browser.screenshot("accounts-04-profile-390", PHONE);

        browser.clickAndWait(By.id("renew-calendar"));
        browser.assertShows("l’ancienne ne fonctionne plus");
        assertThat(browser.find(By.id("calendar-link")).getDomProperty("value")).isNotEqualTo(link);
    }

    private void assertFits(int width) {
        assertThat(browser.number("document.documentElement.scrollWidth")).as("%s at %d px", browser.path(), width)
                .isLessThanOrEqualTo(width);
        // Stricter: not even under the window's own scroll bar, which a phone does not have.
        assertThat(browser.number("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("%s at %d px: wider than the window by", browser.path(), width).isLessThanOrEqualTo(0);
    }
}

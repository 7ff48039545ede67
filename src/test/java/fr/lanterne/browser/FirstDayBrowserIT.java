package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.ChildLanterne;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new volunteer's first day, from an empty data directory, in the browser alone (issue 11): the installation link
 * printed at the first start, the first administrator account, the requester identity the banner asks for, a town
 * found from the home page and its town hall's address typed on its page, a request previewed (its letter PDF read),
 * sent (the email checked in GreenMail), and followed on its page. Each page of the journey is photographed at a
 * phone's width (390 px, where nothing may scroll sideways) and a laptop's (1366 px):
 * target/screenshots/first-day-NN-NAME-WIDTH.png.
 *
 * <p>Not the shared {@link LanterneIntegrationTest} context, which already has accounts and an identity: Lanterne
 * runs here as a child JVM on its own data directory, as {@code CampaignIT} runs its commands.
 */
class FirstDayBrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

    private static final int PHONE = 390;
    private static final int DESKTOP = 1366;
    private static final String ADMIN = "camille";
    private static final String PASSWORD = "un mot de passe assez long";
    private static final String INSEE = "42023";
    private static final String TOWN = "Bourg-Argental";
    private static final String DENOMINATION = "Vigilance Pilat";
    private static final String SEAT_STREET = "3 rue de la République";
    private static final String SEAT_TOWN = "42220 Bourg-Argental";
    private static final String MAILBOX = "cada@vigilance-pilat.test";
    private static final String TOWN_HALL_EMAIL = "accueil@mairie-bourg-argental.test";
    private static final String TOWN_HALL_STREET = "Place de la Liberté";
    private static final String TOWN_HALL_TOWN = "42220 Bourg-Argental";
    private static final Pattern INSTALLATION = Pattern.compile("http://localhost:\\d+(/installation\\?jeton=[A-Za-z0-9_-]+)");
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChildLanterne server;
    private Browser browser;
    private int shots;

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void a_new_volunteer_installs_lanterne_sets_the_identity_types_an_address_and_sends_a_first_request()
            throws Exception {
        server = ChildLanterne.onEmptyDataDirectory(Path.of("target", "it-first-day"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + LanterneIntegrationTest.SMTP_PORT,
                // The email leaves within seconds of its confirmation, not at the next minute's dispatch.
                "--lanterne.requests.dispatch-interval=PT2S");
        server.start();
        String installation = server.awaitLine(INSTALLATION, Duration.ofMinutes(1)).group(1);
        // Not in public mode (the default): the public request pages and the feed need an account.
        for (String path : List.of("/demandes-publiques", "/demandes-publiques/LNT-2026-000001",
                "/publications.atom")) {
            HttpResponse<Void> closed = http.send(HttpRequest.newBuilder(server.uri(path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(closed.statusCode()).as(path + " without public mode").isEqualTo(302);
            assertThat(closed.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        browser = Browser.open(server.port());

        // 1. The link printed at the first start: the first account, an administrator.
        browser.go(installation);
        browser.assertShows("Premier compte");
        browser.type(By.id("username"), ADMIN);
        browser.type(By.id("password"), PASSWORD);
        browser.type(By.id("confirmation"), PASSWORD);
        browser.clickAndWait(By.cssSelector("form.stacked button[type=submit]"));
        assertThat(browser.path()).as("after creating the first account").startsWith("/login");
        browser.signIn(ADMIN, PASSWORD);

        // 2. The banner says the identity is missing and leads to its setup page.
        browser.go("/");
        assertThat(browser.find(By.id("identity-banner")).getText()).as("the banner on the home page")
                .contains("Complétez l’identité du demandeur");
        shoot("accueil");
        browser.clickAndWait(By.cssSelector("#identity-banner a"));
        assertThat(browser.path()).isEqualTo("/reglages/identite");
        shoot("identite-vide");
        browser.find(By.id("kind-legal")).click();
        browser.type(By.id("legalForm"), "Association déclarée (loi 1901)");
        browser.type(By.id("denomination"), DENOMINATION);
        browser.type(By.id("seatAddress"), SEAT_STREET + "\n" + SEAT_TOWN);
        browser.type(By.id("representativeName"), "Dominique Roux");
        browser.type(By.id("representativeTitle"), "présidente");
        browser.type(By.id("mailbox"), MAILBOX);
        browser.type(By.id("place"), "Bourg-Argental");
        browser.clickAndWait(By.cssSelector(".identity-form button[type=submit]"));
        browser.assertShows("L’identité du demandeur est enregistrée", DENOMINATION);
        assertThat(browser.driver().findElements(By.id("identity-banner"))).as("the banner once the identity is "
                + "complete").isEmpty();
        shoot("identite");

        // 3. A town found from the home page; no address is known; its town hall's address typed on its page.
        browser.go("/");
        assertThat(browser.driver().findElements(By.id("identity-banner"))).as("no banner on the home page").isEmpty();
        browser.type(By.id("q"), TOWN);
        browser.clickAndWait(By.cssSelector("form[role=search] button"));
        if (!browser.path().startsWith("/communes/")) {
            browser.clickAndWait(By.cssSelector("main a[href='/communes/" + INSEE + "']"));
        }
        assertThat(browser.path()).isEqualTo("/communes/" + INSEE);
        browser.assertShows(TOWN, "Aucune adresse connue pour cette mairie : saisissez-la ci-dessous.",
                "Rien n’est encore documenté pour cette commune.");
        assertThat(browser.driver().findElements(By.cssSelector("section.registry table")))
                .as("no empty table of deployments under « rien n’est encore documenté »").isEmpty();
        browser.type(By.id("address-email"), TOWN_HALL_EMAIL);
        browser.type(By.id("address-postal"), "Mairie\n" + TOWN_HALL_STREET + "\n" + TOWN_HALL_TOWN);
        browser.clickAndWait(By.cssSelector("form.address-form button[type=submit]"));
        browser.assertShows("Adresse enregistrée", TOWN_HALL_EMAIL, TOWN_HALL_STREET, "saisie par " + ADMIN + " le ");
        shoot("commune");

        // 4. Request its documents: the preview, its letter read, then sent.
        browser.clickAndWait(By.linkText("Demander les documents de cette commune"));
        browser.find(By.cssSelector("input[name=templates][value=cctv]")).click();
        browser.find(By.cssSelector("input[name=channel][value=EMAIL]")).click();
        browser.clickAndWait(By.cssSelector("#request-form button[type=submit]"));
        browser.assertShows("Les lettres qui partiront", "par courriel", "Lire la lettre (PDF)");
        String previewPage = browser.path();
        String letterLink = browser.find(By.partialLinkText("Lire la lettre")).getAttribute("href");
        String letter = pdfText(letterLink);
        assertThat(letter).as("the letter's text").contains(DENOMINATION, SEAT_STREET, SEAT_TOWN,
                TOWN_HALL_STREET, TOWN_HALL_TOWN).doesNotContain("Collectif Lanterne");
        shoot("apercu");
        browser.go(previewPage); // the screenshots resized the window; the form is read again as it was
        browser.clickAndWait(By.cssSelector("#confirm-form button"));
        assertThat(browser.find(By.cssSelector("#demandes .flash")).getText()).contains("Demande créée");
        browser.clickAndWait(By.cssSelector("#demandes .flash a"));
        String requestPage = browser.path();
        assertThat(requestPage).as("the request's page").matches("/demandes/[^/?#]+");

        assertThat(MAIL.waitForIncomingEmail(60_000, 1)).as("the request email reached the SMTP server within "
                + "a minute\n" + server.lastLines()).isTrue();
        MimeMessage email = MAIL.getReceivedMessages()[0];
        String raw = new String(email.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String whole = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(email);
        assertThat(email.getAllRecipients()[0].toString()).contains(TOWN_HALL_EMAIL);
        assertThat(whole).as("the email, headers and body").doesNotContain(".invalid", "Collectif Lanterne");
        assertThat(String.join(" ", email.getHeader("From")) + " " + String.join(" ",
                email.getHeader("Reply-To") == null ? new String[0] : email.getHeader("Reply-To")))
                .as("who the town hall answers").contains(MAILBOX);
        assertThat(raw).as("the email's body").isNotBlank();

        // 5. The request page: sent, and the timeline of its deadlines.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            browser.go(requestPage);
            return browser.find(By.cssSelector(".status")).getText().equals("envoyée");
        });
        assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li"))).as("the deadline timeline")
                .isNotEmpty();
        browser.assertShows("Prochaine étape");
        shoot("demande");

        browser.go("/travail");
        browser.assertShows("Mon travail");
        shoot("mon-travail");

        // 7. The same request in English.
        browser.go(requestPage + "?lang=en");
        assertThat(browser.find(By.cssSelector(".status")).getText()).as("the status in English").isEqualTo("sent");
        shoot("demande-en");
        browser.go(requestPage + "?lang=fr");
    }

    /** The page at a phone's width, where nothing may scroll sideways, then at a laptop's; both photographed. */
    private void shoot(String name) {
        String prefix = String.format("first-day-%02d-%s-", ++shots, name);
        browser.resize(PHONE);
        assertThat(browser.number("document.documentElement.scrollWidth"))
                .as("%s at %d px: no sideways scrolling; too wide: %s", browser.path(), PHONE, browser.script(TOO_WIDE))
                .isLessThanOrEqualTo(browser.number("window.innerWidth"));
        assertThat(browser.number("Array.from(document.querySelectorAll('dl.facts > dt'))"
                + ".filter(dt => dt.nextElementSibling && dt.nextElementSibling.getBoundingClientRect().left"
                + " > dt.getBoundingClientRect().left + 1).length"))
                .as("%s at %d px: each fact's value under its label, not squeezed beside it", browser.path(), PHONE)
                .isZero();
        browser.screenshot(prefix + PHONE, PHONE);
        browser.screenshot(prefix + DESKTOP, DESKTOP);
    }

    /** The letter as the page's link gives it, with the browser's session. */
    private String pdfText(String link) throws IOException, InterruptedException {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(link))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as("the letter at %s", link).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}

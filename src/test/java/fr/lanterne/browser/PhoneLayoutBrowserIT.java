package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Campaigns;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every main page, as an administrator (every link in the header), on a phone (390 px wide) and on a laptop
 * (1366 px): nothing wider than the window (a wide table scrolls inside its own box), the header on one or two
 * lines on the laptop, the French and English texts free of "(s)" and of doubled apostrophes, and request states in
 * English on English pages. Screenshots land in target/screenshots (phone-*.png, desktop-*.png).
 */
@LanterneIntegrationTest
class PhoneLayoutBrowserIT {

    static final int PHONE = 390;
    static final int DESKTOP = 1366;

    private static final String MANOSQUE = "04112";
    private static final String TOWN_HALL = "mairie-" + MANOSQUE;

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
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        TestData.forgetCampaigns(jdbc, "Téléphone ");
        authorities.setContact(TOWN_HALL, new ContactDetails(null, "Place de l’Hôtel de Ville\n04100 Manosque",
                null, null), "test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void every_main_page_fits_a_phone_and_a_laptop_in_french_and_in_english() throws IOException {
        // A request refused by silence, whose referral to the CADA is the thing to do, with a document received.
        LocalDate today = LocalDate.now(clock);
        String reference = requests.create(new NewRequest(TOWN_HALL, "cctv", Channel.POST, false),
                TestUsers.VOLUNTEER).reference().value();
        RequestReference ref = RequestReference.parse(reference);
        requests.recordSent(ref, today.minusDays(45), TestUsers.VOLUNTEER);
        requests.recordReceipt(ref, today.minusDays(42), "avis de réception 1A 234 567 8901 2", TestUsers.VOLUNTEER);
        DocumentRecords.Report upload = documents.upload("reponse-manosque.pdf", TestDocuments.textPdf(
                "Réponse de la mairie de Manosque", List.of(List.of("Réponse à votre demande " + reference,
                        "Délibération du conseil municipal relative à la vidéoprotection urbaine."))), reference,
                TestUsers.VOLUNTEER);
        String sha256 = upload.items().get(0).sha256();
        // Published: the request gets its public page.
        documents.publish(sha256, true, TestUsers.VOLUNTEER);
        long campaign = campaigns.create(new NewCampaign("Téléphone " + reference, List.of("vsa"),
                new CampaignTargets(List.of(MANOSQUE), null, null, false, List.of()), Channel.POST),
                TestUsers.ADMIN);

        browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        browser.go("/registre");
        String deployment = browser.find(By.cssSelector("main table a[href^='/registre/']")).getAttribute("href")
                .replaceFirst("^.*(/registre/\\d+).*$", "$1");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("accueil", "/");
        pages.put("commune", "/communes/" + MANOSQUE);
        pages.put("commune-demande", "/communes/" + MANOSQUE + "/demande");
        pages.put("intercommunalite", "/intercommunalites/200030195");
        pages.put("mon-travail", "/travail");
        pages.put("demandes", "/demandes");
        pages.put("demande", "/demandes/" + reference);
        pages.put("campagnes", "/campagnes");
        pages.put("campagne-nouvelle", "/campagnes/nouvelle");
        pages.put("campagne", "/campagnes/" + campaign);
        pages.put("document", "/documents/" + sha256);
        pages.put("demandes-publiques", "/demandes-publiques");
        pages.put("demande-publique", "/demandes-publiques/" + reference);
        pages.put("registre", "/registre");
        pages.put("deploiement", deployment);
        pages.put("deploiement-nouveau", "/registre/nouveau");
        pages.put("recherche", "/recherche?q=vid%C3%A9oprotection");
        pages.put("statistiques", "/statistiques");
        pages.put("journal", "/journal");
        pages.put("comptes", "/comptes");
        pages.put("compte-nouveau", "/comptes/nouveau");
        pages.put("profil", "/profil");
        pages.put("identite", "/reglages/identite");
        pages.put("annuaire", "/reglages/annuaire");
        pages.put("erreur", "/communes/99999");

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(page.getKey(), page.getValue(), "", problems);
        }

        // The request page: its deadlines as a timeline, the referral to the CADA to do next, the law one click away.
        browser.resize(PHONE);
        browser.go("/demandes/" + reference);
        assertThat(browser.find(By.cssSelector(".next-action")).getText()).startsWith("Prochaine étape")
                .contains("À faire au plus tard le").contains("saisir la CADA");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("ol.timeline > li"));
        assertThat(steps).extracting(WebElement::getText).anySatisfy(text -> assertThat(text)
                .startsWith("en cours").contains("Saisine de la CADA").contains("au plus tard le"));
        assertThat(browser.find(By.cssSelector("ol.timeline > li.today")).getText()).startsWith("Aujourd’hui");
        WebElement details = browser.find(By.cssSelector("ol.timeline > li.current details summary"));
        assertThat(browser.text()).doesNotContain("CRPA R343-1 :");
        details.click();
        assertThat(browser.text()).contains("CRPA R343-1 :");
        browser.screenshot("phone-demande-details", PHONE);

        // English: the same pages, request states in English.
        browser.go("/demandes/" + reference + "?lang=en");
        assertThat(browser.find(By.cssSelector("main h1 + p .status")).getText())
                .isEqualTo("received by the authority");
        assertThat(browser.find(By.cssSelector(".next-action")).getText()).startsWith("Next step")
                .contains("To do by");
        for (String name : List.of("demande", "demandes", "mon-travail", "campagne", "commune", "statistiques",
                "document", "registre", "recherche")) {
            check(name, pages.get(name), "-en", problems);
            for (WebElement label : browser.driver().findElements(By.cssSelector(
                    ".status, ul.counts a span:not(.count), #etat option, #states th, table.campaign-list td"))) {
                if (frenchStates().contains(label.getText().strip())) {
                    problems.add(name + " (en): a state in French, « " + label.getText() + " »");
                }
            }
        }
        browser.go("/?lang=fr");

        // Signed out: the sign-in page, and the home page as a visitor sees it.
        browser.signOut();
        check("connexion", "/login", "", problems);
        check("accueil-visiteur", "/", "", problems);
        check("demande-publique-visiteur", "/demandes-publiques/" + reference, "", problems);

        assertThat(problems).isEmpty();
    }

    /** Visits a page at both widths, and notes what does not fit or does not read right. */
    private void check(String name, String path, String suffix, List<String> problems) {
        for (int width : List.of(PHONE, DESKTOP)) {
            browser.resize(width);
            browser.go(path);
            browser.waitForPage();
            String where = name + suffix + " at " + width + " px (" + path + ")";
            long inner = browser.innerWidth();
            long scroll = browser.scrollWidth();
            if (scroll > inner) {
                problems.add(where + ": " + scroll + " px wide in a " + inner + " px window, because of "
                        + browser.script(WIDEST));
            }
            if (width == DESKTOP) {
                long rows = (Long) browser.script(HEADER_ROWS);
                if (rows > 2) {
                    problems.add(where + ": the header takes " + rows + " lines");
                }
            }
            String text = browser.text();
            for (String wrong : List.of("''", "(s)")) {
                if (text.contains(wrong)) {
                    int at = text.indexOf(wrong);
                    problems.add(where + ": « " + wrong + " » in « "
                            + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 20)) + " »");
                }
            }
            browser.screenshot((width == PHONE ? "phone-" : "desktop-") + name + suffix, width);
        }
    }

    /** The elements wider than the window, named by tag and class, to say what to fix. */
    private static final String WIDEST = """
            const limit = window.innerWidth;
            const wide = [];
            for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > limit + 1 && !e.closest('.table-scroll, figure.chart, pre')) {
                    wide.push(e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                        ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                        + ' (' + Math.round(r.right) + ')');
                }
            }
            return wide.slice(0, 8).join(', ');
            """;

    /** The lines the header takes: its brand, tagline and links grouped by the height they sit at. */
    private static final String HEADER_ROWS = """
            const header = document.querySelector('.site-header');
            const items = [...header.querySelectorAll('.brand, .tagline, nav > *')]
                .filter(e => e.getClientRects().length > 0)
                .map(e => e.getBoundingClientRect())
                .sort((a, b) => a.top - b.top);
            let rows = 0;
            let bottom = -Infinity;
            for (const r of items) {
                if (r.top >= bottom - 4) {
                    rows++;
                    bottom = r.bottom;
                } else {
                    bottom = Math.max(bottom, r.bottom);
                }
            }
            return rows;
            """;

    /** The French names of the request states, as the French messages write them. */
    private static List<String> frenchStates() throws IOException {
        Properties french = new Properties();
        try (InputStream in = PhoneLayoutBrowserIT.class.getResourceAsStream("/messages.properties")) {
            french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Properties english = new Properties();
        try (InputStream in = PhoneLayoutBrowserIT.class.getResourceAsStream("/messages_en.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> states = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            String fr = french.getProperty("requestStatus." + status.name());
            if (!fr.equalsIgnoreCase(english.getProperty("requestStatus." + status.name()))) {
                states.add(fr);
                states.add(fr.toLowerCase(Locale.ROOT));
            }
        }
        return states;
    }
}

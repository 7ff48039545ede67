package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.users.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A volunteer's day in a real browser: sign in, find a town, request its documents (double-clicking "send"), record
 * when the letter was posted and received, upload the answer received by post; a researcher may read but not
 * request. Screenshots of each page land in target/screenshots.
 */
@LanterneIntegrationTest
class VolunteerBrowserIT {

    private static final String FORCALQUIER = "04088";
    private static final String TOWN_HALL = "mairie-" + FORCALQUIER;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Browser browser;

    /** A word only this run's uploaded answer contains, to find it by search among the other tests' documents. */
    private final String marker = "zq" + Long.toString(System.nanoTime() % 1_000_000_000L, 26).replaceAll("[0-9]", "x");

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails(null, "Place du Bourguet\n04300 Forcalquier", null,
                null), "test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_volunteer_requests_a_towns_documents_records_the_receipt_and_uploads_the_answer() throws IOException {
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);

        // Find the town.
        browser.go("/");
        browser.assertShows("Trouver une commune", "Mon travail");
        browser.screenshot("01-accueil");
        browser.type(By.id("q"), "Forcalquier");
        browser.clickAndWait(By.cssSelector("form[role=search] button"));
        assertThat(browser.path()).isEqualTo("/communes/" + FORCALQUIER);
        browser.assertShows("Forcalquier", "Où écrire", "Place du Bourguet");
        browser.screenshot("02-commune");

        // Request its documents: a letter, by post; read it; send it with a double click.
        browser.clickAndWait(By.linkText("Demander les documents de cette commune"));
        browser.find(By.cssSelector("input[name=templates][value=cctv]")).click();
        browser.find(By.cssSelector("input[name=channel][value=POST]")).click();
        browser.screenshot("03-demande-formulaire");
        browser.clickAndWait(By.cssSelector("#request-form button[type=submit]"));
        browser.assertShows("Les lettres qui partiront", "par courrier postal", "Lire la lettre (PDF)");
        browser.screenshot("04-demande-apercu");
        new Actions(browser.driver()).doubleClick(browser.find(By.cssSelector("#confirm-form button"))).perform();
        browser.find(By.cssSelector("#demandes .flash"));
        browser.assertShows("Demande créée");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request r JOIN authority a ON a.id = r.authority_id "
                + "WHERE a.code = ?").param(TOWN_HALL).query(Integer.class).single())
                .as("a double click sends once").isEqualTo(1);
        browser.screenshot("05-commune-demande-creee");

        // The request: record when the letter was posted, then when the town hall received it.
        browser.clickAndWait(By.cssSelector("#demandes .flash a"));
        String reference = browser.path().substring("/demandes/".length());
        browser.assertShows("Mairie de Forcalquier", "Envoi postal");
        String today = LocalDate.now(clock).toString();
        browser.setValue(By.id("date-envoi"), today);
        browser.clickAndWait(By.cssSelector("#action-envoi button"));
        browser.assertShows("Envoi enregistré", "Enregistrez la date de réception");
        browser.setValue(By.id("date-reception"), today);
        browser.type(By.id("evidence"), "avis de réception 1A 234 567 8901 2");
        browser.clickAndWait(By.cssSelector("#action-reception button"));
        browser.assertShows("Date de réception enregistrée", "Refus implicite", "Saisine de la CADA",
                "Prochaine étape");
        // The articles behind a date are one click away.
        browser.find(By.cssSelector("ol.timeline li.current details summary")).click();
        browser.assertShows("CRPA R311-13");
        assertThat(jdbc.sql("SELECT status FROM request WHERE reference = ?").param(reference)
                .query(String.class).single()).isEqualTo(RequestStatus.RECEIVED.name());
        browser.screenshot("06-demande-recue");

        // The answer came by post: upload its scan.
        Path scan = Files.createTempFile(Path.of("target"), "courrier-forcalquier", ".pdf");
        Files.write(scan, TestDocuments.textPdf("Réponse de la mairie de Forcalquier", List.of(List.of(
                "Réponse à votre demande " + reference,
                "Convention de vidéoprotection avec la société Exemple, pièce " + marker))));
        browser.find(By.id("file")).sendKeys(scan.toAbsolutePath().toString());
        browser.clickAndWait(By.cssSelector("form.upload button"));
        browser.assertShows("a été lu et rangé avec cette demande");
        browser.clickAndWait(By.cssSelector("#documents .document-list a"));
        browser.assertShows("Réponse de la mairie de Forcalquier", "Page 1 sur 1", "Convention de vidéoprotection");
        browser.screenshot("07-document");

        // Find it by search, as a researcher would: the words, then the town's département among the facets.
        browser.go("/recherche");
        browser.type(By.id("q"), "vidéo-protection " + marker);
        browser.clickAndWait(By.cssSelector("form[role=search] button"));
        browser.assertShows("Une page trouvée", "Forcalquier");
        browser.clickAndWait(By.partialLinkText("Alpes-de-Haute-Provence"));
        browser.assertShows("Filtres", "Une page trouvée");
        // "vidéo-protection" typed finds "vidéoprotection" written.
        assertThat(browser.driver().findElements(By.cssSelector("blockquote.passage mark")))
                .extracting(mark -> mark.getText().toLowerCase(java.util.Locale.ROOT))
                .contains("vidéoprotection", marker);
        browser.screenshot("08-recherche");
        browser.clickAndWait(By.cssSelector("li.hit h3 a"));
        browser.assertShows("Réponse de la mairie de Forcalquier", "Convention de vidéoprotection");

        browser.go("/travail");
        browser.assertShows("Mon travail", "Demandes par état");
        browser.screenshot("09-mon-travail");
    }

    @Test
    void the_registry_statistics_and_campaign_pages_show_for_a_volunteer() {
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.go("/registre");
        browser.assertShows("Registre des déploiements");
        browser.screenshot("10-registre");
        browser.clickAndWait(By.cssSelector("main table a[href^='/registre/']"));
        browser.assertShows("Sources", "Historique");
        browser.screenshot("11-deploiement");
        browser.go("/statistiques");
        browser.assertShows("Statistiques des demandes");
        browser.screenshot("12-statistiques");
        browser.go("/campagnes/nouvelle");
        browser.assertShows("Nouvelle campagne");
        browser.screenshot("13-campagne-nouvelle");
    }

    @Test
    void a_researcher_cannot_launch_a_request() {
        browser.signIn(TestUsers.RESEARCHER, TestUsers.PASSWORD);
        browser.go("/communes/" + FORCALQUIER);
        browser.assertShows("Forcalquier");
        assertThat(browser.driver().findElements(By.linkText("Demander les documents de cette commune"))).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Mon travail"))).isEmpty();
        browser.go("/communes/" + FORCALQUIER + "/demande");
        browser.assertShows("Action non autorisée");
        browser.screenshot("14-chercheur-refus");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request r JOIN authority a ON a.id = r.authority_id "
                + "WHERE a.code = ?").param(TOWN_HALL).query(Integer.class).single()).isZero();
    }

    @Test
    void what_was_typed_survives_an_expired_session() {
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        browser.go("/communes/" + FORCALQUIER + "/demande");
        browser.find(By.cssSelector("input[name=templates][value=vsa]")).click();
        browser.find(By.cssSelector("input[name=channel][value=POST]")).click();
        // The session ends (expired on the server, here: its cookie is gone).
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.go("/communes/" + FORCALQUIER + "/demande");
        assertThat(browser.path()).startsWith("/login");
        browser.signIn(TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(browser.path()).startsWith("/communes/" + FORCALQUIER + "/demande");
        browser.assertShows("Ce que vous aviez saisi a été gardé");
        assertThat(browser.find(By.cssSelector("input[name=templates][value=vsa]")).isSelected()).isTrue();
        assertThat(browser.find(By.cssSelector("input[name=channel][value=POST]")).isSelected()).isTrue();
    }
}

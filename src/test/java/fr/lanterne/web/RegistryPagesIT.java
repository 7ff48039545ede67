package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import fr.lanterne.users.Users;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

@LanterneIntegrationTest
class RegistryPagesIT {

    private static final Pattern DEPLOYMENT_ROW = Pattern.compile("data-deployment=\"(\\d+)\"");

    @Autowired
    RestTestClient client;

    @Autowired
    Registry registry;

    @Autowired
    Documents documents;

    @Autowired
    Users users;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void everyone_browses_the_registry_in_french() {
        PageSession visitor = PageSession.anonymous(client);
        String all = visitor.page("/registre");

        assertThat(all).contains("<html lang=\"fr\"").contains("Registre des déploiements").contains("Briefcam")
                .contains("vidéosurveillance algorithmique").contains("href=\"/communes/30189\"")
                .doesNotContain("Ajouter un déploiement");
        Deployment nimes = registry.find(DeploymentQuery.ofCommune("30189")).get(0);
        assertThat(all).contains("href=\"/registre/" + nimes.id() + "\"");
    }

    @Test
    void the_filters_keep_what_the_registry_finds() {
        PageSession visitor = PageSession.anonymous(client);

        assertThat(rows(visitor.page("/registre?technologie=FACIAL_RECOGNITION&statut=BLOCKED_BY_COURT")))
                .isEqualTo(ids(new DeploymentQuery(null, null, null, Technology.FACIAL_RECOGNITION,
                        DeploymentStatus.BLOCKED_BY_COURT, null, DeploymentQuery.MAX_LIMIT, 0)))
                .isNotEmpty();
        assertThat(rows(visitor.page("/registre?fournisseur=briefcam")))
                .isEqualTo(ids(new DeploymentQuery(null, null, "Briefcam", null, null, null, 1000, 0)))
                .isNotEmpty();
        String nice = visitor.page("/registre?departement=06");
        assertThat(rows(nice)).isEqualTo(ids(new DeploymentQuery(null, "06", null, null, null, null, 1000, 0)))
                .isNotEmpty();
        assertThat(nice).contains("<option value=\"06\" selected=\"selected\">06 — Alpes-Maritimes</option>");
        String nimes = visitor.page("/registre?commune=nimes");
        assertThat(rows(nimes)).isEqualTo(ids(DeploymentQuery.ofCommune("30189"))).isNotEmpty();
        assertThat(nimes).contains("value=\"nimes\"");
    }

    @Test
    void a_wrong_departement_is_said_beside_its_field() {
        EntityExchangeResult<String> result = PageSession.anonymous(client).get("/registre?departement=Nice");

        assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponseBody()).containsPattern(
                "id=\"departement-error\" class=\"field-error\">« NICE » n&#39;est pas un code de département");
    }

    @Test
    void a_deployment_shows_its_fields_sources_and_history() {
        Deployment created = registry.create(new DeploymentDraft("04088", null, Technology.SOUND_SENSORS, "Sonofleet",
                "Écoute-3", DeploymentStatus.EXPERIMENT, 2025, "place du Bourguet", 3, "Trois capteurs à l'essai.",
                List.of(new SourceDraft("https://example.org/conseil-municipal", "Compte rendu du conseil",
                        "trois capteurs sonores", null, LocalDate.of(2026, 2, 1)))), "camille");

        String page = PageSession.anonymous(client).page("/registre/" + created.id());

        assertThat(page).contains("<h1>capteurs sonores — Forcalquier</h1>").contains("href=\"/communes/04088\"")
                .contains("Mairie de Forcalquier").contains("Sonofleet").contains("Écoute-3")
                .contains("expérimentation").contains("2025").contains("place du Bourguet")
                .contains("Trois capteurs à l&#39;essai.")
                .contains("href=\"https://example.org/conseil-municipal\"").contains("Compte rendu du conseil")
                .contains("« trois capteurs sonores »").contains("consultée le 1 février 2026")
                .contains("Historique").contains("Création").contains("camille")
                .doesNotContain("Modifier ce déploiement").doesNotContain("Citer un document obtenu");
    }

    @Test
    void a_researcher_reads_but_may_not_change_anything() {
        Deployment deployment = registry.find(DeploymentQuery.ofCommune("30189")).get(0);
        PageSession researcher = signIn(TestUsers.RESEARCHER);
        String page = researcher.page("/registre/" + deployment.id());
        assertThat(page).doesNotContain("Modifier ce déploiement");

        assertThat(researcher.get("/registre/" + deployment.id() + "/modifier").getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(researcher.get("/registre/nouveau").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        EntityExchangeResult<String> edit = researcher.post("/registre/" + deployment.id() + "/modifier",
                Map.of("technology", "VSA", "status", "ABANDONED", "version", String.valueOf(deployment.version())));
        assertThat(edit.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        EntityExchangeResult<String> source = researcher.post("/registre/" + deployment.id() + "/sources",
                Map.of("url", "https://example.org/nope"));
        assertThat(source.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(registry.deployment(deployment.id())).isEqualTo(deployment);
    }

    @Test
    void a_visitor_is_sent_to_the_login_form() {
        PageSession visitor = PageSession.anonymous(client);
        visitor.page("/login");
        EntityExchangeResult<String> create = visitor.post("/registre",
                Map.of("insee", "04088", "technology", "DRONES", "status", "ANNOUNCED"));

        assertThat(create.getStatus().is3xxRedirection()).isTrue();
        assertThat(create.getResponseHeaders().getLocation()).asString().endsWith("/login");
    }

    @Test
    void a_volunteer_creates_then_edits_and_the_history_says_who_changed_what() {
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);
        String form = volunteer.page("/registre/nouveau?commune=04088");
        assertThat(form).contains("Nouveau déploiement").contains("value=\"04088\"");

        EntityExchangeResult<String> created = volunteer.post("/registre", fields(
                "insee", "04088", "technology", "DRONES", "status", "ANNOUNCED", "vendor", "Parrot",
                "since", "2026", "place", "marché du lundi", "sourceUrl", "https://example.org/drones",
                "sourceTitle", "Arrêté préfectoral"));
        String page = volunteer.follow(created);
        long id = idIn(created);
        assertThat(page).contains("Déploiement enregistré.").contains("drones — Forcalquier").contains("Parrot")
                .contains("Arrêté préfectoral").contains(TestUsers.VOLUNTEER);

        String edit = volunteer.page("/registre/" + id + "/modifier");
        assertThat(edit).contains("value=\"Parrot\"").contains("name=\"version\"");
        EntityExchangeResult<String> saved = volunteer.post("/registre/" + id + "/modifier", fields(
                "technology", "DRONES", "status", "DEPLOYED", "vendor", "Parrot", "product", "Anafi",
                "since", "2026", "place", "marché du lundi", "cameraCount", "2", "summary", "",
                "version", versionIn(edit)));
        String after = volunteer.follow(saved);

        assertThat(after).contains("Modification enregistrée.");
        String history = after.substring(after.indexOf("id=\"history\""));
        assertThat(history).contains("Modification").contains(TestUsers.VOLUNTEER)
                .containsPattern("Statut :</span>\\s*<del>annoncé</del>\\s*<span aria-hidden=\"true\">→</span>\\s*"
                        + "<ins>déployé</ins>")
                .containsPattern("Produit :</span>\\s*<del>\\(vide\\)</del>\\s*<span aria-hidden=\"true\">→</span>"
                        + "\\s*<ins>Anafi</ins>")
                .contains("Création");
        assertThat(registry.history(id)).extracting(h -> h.changedBy()).containsOnly(TestUsers.VOLUNTEER);
    }

    @Test
    void a_validation_error_shows_beside_its_field_with_the_form_as_typed() {
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);
        String form = volunteer.page("/registre/nouveau");

        EntityExchangeResult<String> notANumber = volunteer.post("/registre", fields(
                "insee", "04088", "technology", "CCTV", "status", "DEPLOYED", "since", "deux mille",
                "place", "centre-ville"));
        assertThat(notANumber.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notANumber.getResponseBody())
                .contains("<p class=\"field-error\" id=\"since-error\">L’année de début doit être un nombre")
                .contains("value=\"deux mille\"").contains("value=\"centre-ville\"")
                .containsPattern("<option value=\"CCTV\" selected=\"selected\">");

        EntityExchangeResult<String> implausible = volunteer.post("/registre", fields(
                "insee", "04088", "technology", "CCTV", "status", "DEPLOYED", "since", "1800"));
        assertThat(implausible.getResponseBody())
                .contains("id=\"since-error\">L&#39;année de début « 1800 » n&#39;est pas plausible.");

        EntityExchangeResult<String> unknownTown = volunteer.post("/registre", fields(
                "insee", "99999", "technology", "CCTV", "status", "DEPLOYED"));
        assertThat(unknownTown.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTown.getResponseBody())
                .contains("id=\"insee-error\">Aucune commune n&#39;a le code INSEE « 99999 »");

        EntityExchangeResult<String> productAlone = volunteer.post("/registre", fields(
                "insee", "04088", "technology", "CCTV", "status", "DEPLOYED", "product", "Caméra 360"));
        assertThat(productAlone.getResponseBody())
                .contains("id=\"vendor-error\">Un produit se rattache à un fournisseur");

        EntityExchangeResult<String> badUrl = volunteer.post("/registre", fields(
                "insee", "04088", "technology", "CCTV", "status", "DEPLOYED", "sourceUrl", "javascript:alert(1)"));
        assertThat(badUrl.getResponseBody())
                .contains("id=\"sourceUrl-error\">« javascript:alert(1) » n&#39;est pas une adresse web");
    }

    @Test
    void an_edit_made_meanwhile_is_never_overwritten() {
        Deployment deployment = registry.create(new DeploymentDraft("04088", null, Technology.CCTV, "Axis", null,
                DeploymentStatus.DEPLOYED, 2018, null, 40, null, List.of()), "camille");
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);
        String edit = volunteer.page("/registre/" + deployment.id() + "/modifier");
        Deployment meanwhile = registry.update(deployment.id(), new DeploymentChanges(deployment.version(), null,
                "Hikvision", null, null, null, null, 52, null), "dominique");

        Map<String, String> typed = fields("technology", "CCTV", "status", "DEPLOYED", "vendor", "Axis",
                "since", "2018", "cameraCount", "40", "summary", "Quarante caméras selon le maire.",
                "version", versionIn(edit));
        EntityExchangeResult<String> conflict = volunteer.post("/registre/" + deployment.id() + "/modifier",
                typed);

        assertThat(conflict.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        String body = conflict.getResponseBody();
        assertThat(body).contains("Quelqu’un a modifié ce déploiement entre-temps")
                .containsPattern("<textarea id=\"summary\" [^>]*>Quarante cam(é|&eacute;)ras selon le maire."
                        + "</textarea>")
                .contains("value=\"Axis\"")
                .contains("Enregistré entre-temps : Hikvision").contains("Enregistré entre-temps : 52")
                .contains("Enregistrer mes valeurs à la place");
        assertThat(versionIn(body)).isEqualTo(String.valueOf(meanwhile.version()));
        assertThat(registry.deployment(deployment.id())).isEqualTo(meanwhile);

        Map<String, String> again = new HashMap<>(typed);
        again.put("version", versionIn(body));
        volunteer.follow(volunteer.post("/registre/" + deployment.id() + "/modifier", again));
        Deployment saved = registry.deployment(deployment.id());
        assertThat(saved.vendor()).isEqualTo("Axis");
        assertThat(saved.summary()).isEqualTo("Quarante caméras selon le maire.");
        assertThat(registry.history(deployment.id())).extracting(h -> h.changedBy())
                .containsExactly("camille", "dominique", TestUsers.VOLUNTEER);
    }

    @Test
    void a_volunteer_deletes_a_deployment() {
        Deployment deployment = registry.create(new DeploymentDraft("04088", null, Technology.DRONES, null, null,
                DeploymentStatus.ANNOUNCED, null, null, null, null, List.of()), "camille");
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);
        String edit = volunteer.page("/registre/" + deployment.id() + "/modifier");

        String list = volunteer.follow(volunteer.post("/registre/" + deployment.id() + "/supprimer",
                Map.of("version", String.valueOf(deployment.version()))));

        assertThat(list).contains("Le déploiement n° " + deployment.id() + " a été supprimé");
        assertThat(volunteer.get("/registre/" + deployment.id()).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(registry.history(deployment.id())).extracting(h -> h.action()).containsExactly("CREATED", "DELETED");
    }

    @Test
    void a_volunteer_cites_a_document_obtained_through_lanterne() throws IOException {
        Deployment deployment = registry.create(new DeploymentDraft("04088", null, Technology.VSA, null, null,
                DeploymentStatus.ANNOUNCED, null, null, null, null, List.of()), "camille");
        String title = "Délibération <script>alert('doc')</script> " + UUID.randomUUID();
        String sha256 = ingest(title);
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);
        String page = volunteer.page("/registre/" + deployment.id());
        assertThat(page).contains("Citer un document obtenu");

        String documentsUri = "/registre/" + deployment.id() + "/documents";
        EntityExchangeResult<String> invalid = volunteer.post(documentsUri, Map.of("reference", "pas une empreinte"));
        assertThat(invalid.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getResponseBody()).contains("id=\"reference-error\">Ce n’est ni une empreinte SHA-256");
        EntityExchangeResult<String> unknown = volunteer.post(documentsUri, Map.of("reference", "0".repeat(64)));
        assertThat(unknown.getResponseBody()).contains("id=\"reference-error\">Aucun document n&#39;a l&#39;empreinte");

        String cited = volunteer.follow(volunteer.post(documentsUri,
                Map.of("reference", "http://localhost/documents/" + sha256.toUpperCase())));
        assertThat(cited).contains("Document cité comme source.")
                .contains("href=\"/documents/" + sha256 + "\"")
                .contains("Délibération &lt;script&gt;alert(&#39;doc&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert('doc')");
        assertThat(registry.deployment(deployment.id()).sources()).extracting(s -> s.documentSha256())
                .containsExactly(sha256);
        assertThat(documents.details(sha256).links()).contains(new DocumentRecords.Link(deployment.id(),
                "CONFIRMED"));

        EntityExchangeResult<String> twice = volunteer.post(documentsUri, Map.of("reference", sha256));
        assertThat(twice.getResponseBody()).contains("id=\"document-error\">Ce document est déjà une source");

        // Visitors read the source, and open the document once a volunteer has published it.
        PageSession visitor = PageSession.anonymous(client);
        assertThat(visitor.page("/registre/" + deployment.id())).doesNotContain("href=\"/documents/" + sha256 + "\"")
                .contains("(document pas encore publié)").doesNotContain("<script>alert('doc')");
        documents.publish(sha256, true, TestUsers.VOLUNTEER);
        assertThat(visitor.page("/registre/" + deployment.id())).contains("href=\"/documents/" + sha256 + "\"")
                .doesNotContain("(document pas encore publié)");
    }

    @Test
    void hostile_text_is_escaped_everywhere() {
        String hostile = "<script>alert('r')</script>";
        Deployment deployment = registry.create(new DeploymentDraft("04088", null, Technology.CCTV, null, null,
                DeploymentStatus.ANNOUNCED, null, hostile, null, "<img src=x onerror=alert(1)>",
                List.of(new SourceDraft("https://example.org/deliberation", hostile, hostile, null, null))), hostile);
        PageSession volunteer = signIn(TestUsers.VOLUNTEER);

        for (String page : List.of(volunteer.page("/registre/" + deployment.id()),
                volunteer.page("/registre/" + deployment.id() + "/modifier"),
                volunteer.page("/registre?commune=Forcalquier"))) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;");
        }
    }

    @Test
    void english_on_request() {
        String page = PageSession.anonymous(client).page("/registre?lang=en");

        assertThat(page).contains("<html lang=\"en\"").contains("Deployment registry").contains("algorithmic video");
    }

    private Set<Long> ids(DeploymentQuery query) {
        return registry.find(query).stream().map(Deployment::id).collect(Collectors.toSet());
    }

    private static Set<Long> rows(String page) {
        Matcher matcher = DEPLOYMENT_ROW.matcher(page);
        Set<Long> ids = new java.util.HashSet<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static long idIn(EntityExchangeResult<String> redirect) {
        Matcher matcher = Pattern.compile("/registre/(\\d+)$").matcher(redirect.getResponseHeaders().getLocation()
                .toString());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String versionIn(String form) {
        Matcher matcher = Pattern.compile("<input type=\"hidden\" id=\"version\" name=\"version\" value=\"(\\d+)\"")
                .matcher(form);
        assertThat(matcher.find()).as("the version in the form").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private String ingest(String title) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            pdf.getDocumentInformation().setTitle(title);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Deliberation du conseil municipal " + title.substring(title.length() - 36));
                text.endText();
            }
            pdf.save(out);
            DocumentRecords.Report report = documents.ingest("deliberation.pdf", out.toByteArray(),
                    new DocumentRecords.Source(DocumentRecords.Channel.UPLOAD, "test " + UUID.randomUUID(), null,
                            TestUsers.VOLUNTEER));
            assertThat(report.items().get(0).result()).isEqualTo(DocumentRecords.Result.INGESTED);
            return report.items().get(0).sha256();
        }
    }

    private PageSession signIn(String username) {
        return PageSession.signIn(client, username, TestUsers.PASSWORD);
    }
}

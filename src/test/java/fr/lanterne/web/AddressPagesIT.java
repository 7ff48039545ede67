package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestDirectory;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.ContactSource;
import fr.lanterne.users.Users;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Addresses typed in the browser: on the town page, from the request preview, and the directory imported from the
 * administrators' page; the campaign dry run pointing at the towns left out for want of one. Loire communes with no
 * address, forgotten before and after each test.
 */
@LanterneIntegrationTest
class AddressPagesIT {

    private static final Pattern IMPORT_PAGE = Pattern.compile("/reglages/annuaire/([0-9a-f-]{36})");

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private List<String> communes;
    private List<String> townHalls;

    @BeforeEach
    void loireTownsWithoutAddress() {
        TestUsers.ensure(users);
        communes = authorities.communeCodes("42", null).subList(20, 25);
        townHalls = communes.stream().map(AuthorityCodes::townHall).toList();
        forget();
    }

    @AfterEach
    void forget() {
        TestData.forgetRequests(jdbc, townHalls);
        TestData.forgetContacts(jdbc, townHalls);
    }

    @Test
    void a_volunteer_types_an_address_on_the_town_page_and_it_wins_over_a_later_import() throws Exception {
        String insee = communes.get(0);
        String name = authorities.commune(insee).name();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        String page = volunteer.page("/communes/" + insee);
        assertThat(page).contains("id=\"adresse\"").contains(html("Aucune adresse connue pour cette mairie : saisissez-la"))
                .doesNotContain("set-contact").doesNotContain("ligne de commande");

        String address = "Hôtel de ville\nPlace de la Mairie\n42999 " + name;
        EntityExchangeResult<String> saved = volunteer.post("/communes/" + insee + "/adresse",
                Map.of("email", "", "postalAddress", address));
        assertThat(saved.getStatus().value()).isEqualTo(302);
        assertThat(local(saved)).isEqualTo("/communes/" + insee + "#adresse");

        String shown = volunteer.page("/communes/" + insee);
        String today = LocalDate.now(clock).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        assertThat(shown).contains(html("Adresse enregistrée"))
                .contains(html("42999 " + name))
                .contains(html("saisie par " + TestUsers.VOLUNTEER + " le " + today));

        // The preview's letter is addressed to it.
        String preview = volunteer.page("/communes/" + insee + "/demande?apercu=1&authority=" + townHalls.get(0)
                + "&templates=vsa&channel=POST");
        assertThat(preview).contains("name=\"token\"").doesNotContain("id=\"adresse\"");
        assertThat(letterText(volunteer, "/communes/" + insee + "/demande/apercu.pdf?authority=" + townHalls.get(0)
                + "&channel=POST&template=vsa")).contains("42999 " + name).contains("Place de la Mairie");

        // A later import of the volunteers' list does not overwrite it.
        String list = "insee,email,postal_address,source\n" + insee + ",mairie@importee.example,\"Mairie / 42000 "
                + name + "\",liste\n";
        authorities.importContacts("liste.csv", new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "test");
        Contact contact = authorities.townHall(insee).contact();
        assertThat(contact.postalAddress()).isEqualTo(address);
        assertThat(contact.addressProvenance().source()).isEqualTo(ContactSource.MANUAL);
        assertThat(contact.email()).as("the field not typed comes from the import").isEqualTo("mairie@importee.example");
        assertThat(volunteer.page("/communes/" + insee)).contains(html("42999 " + name))
                .contains(html("saisie par " + TestUsers.VOLUNTEER));
    }

    /**
     * CRPA R330-2 and R330-4: in a town of 10,000 inhabitants or more the PRADA receives the requests; the address
     * typed for it is a contact field like the others, shown on the town page, and the letter goes there.
     */
    @Test
    void the_pradas_own_address_is_typed_shown_and_used_by_the_letter() throws Exception {
        String insee = authorities.communeCodes("42", 10_000).stream()
                .filter(code -> !code.equals("42218") && authorities.commune(code).mustHavePrada())
                .findFirst().orElseThrow();
        String townHall = AuthorityCodes.townHall(insee);
        TestData.forgetRequests(jdbc, List.of(townHall));
        TestData.forgetContacts(jdbc, List.of(townHall));
        try {
            String name = authorities.commune(insee).name();
            PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
            assertThat(volunteer.page("/communes/" + insee)).contains("id=\"address-prada\"");

            EntityExchangeResult<String> wrong = volunteer.post("/communes/" + insee + "/adresse",
                    Map.of("email", "", "postalAddress", "Mairie\n42990 " + name, "pradaAddress", "PRADA\nSans code"));
            assertThat(wrong.getStatus().value()).isEqualTo(400);
            assertThat(wrong.getResponseBody()).contains("id=\"address-prada-errors\"");
            assertThat(authorities.contactHistory(townHall)).isEmpty();

            String prada = "Direction juridique\n4 rue des Archives\n42991 " + name;
            EntityExchangeResult<String> saved = volunteer.post("/communes/" + insee + "/adresse",
                    Map.of("email", "", "postalAddress", "Hôtel de ville\n42990 " + name, "pradaAddress", prada));
            assertThat(saved.getStatus().value()).isEqualTo(302);
            assertThat(authorities.townHall(insee).contact().pradaAddress()).isEqualTo(prada);
            assertThat(volunteer.page("/communes/" + insee)).contains(html("Adresse de la PRADA"))
                    .contains(html("4 rue des Archives"));

            String letter = letterText(volunteer, "/communes/" + insee + "/demande/apercu.pdf?authority=" + townHall
                    + "&channel=POST&template=vsa").replaceAll("\\s+", " ");
            assertThat(letter).contains("4 rue des Archives").contains("42991 " + name)
                    .contains("personne responsable de l’accès aux documents").doesNotContain("42990 " + name);
        } finally {
            TestData.forgetRequests(jdbc, List.of(townHall));
            TestData.forgetContacts(jdbc, List.of(townHall));
        }
    }

    @Test
    void a_wrong_postal_code_an_invalid_email_or_an_empty_form_is_said_next_to_the_field_and_nothing_is_saved() {
        String insee = communes.get(1);
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        volunteer.page("/communes/" + insee);

        EntityExchangeResult<String> wrongCode = volunteer.post("/communes/" + insee + "/adresse",
                Map.of("email", "", "postalAddress", "Place de la Mairie\n4299 Quelque-Part"));
        assertThat(wrongCode.getStatus().value()).as(String.valueOf(wrongCode.getResponseHeaders().getLocation()))
                .isEqualTo(400);
        assertThat(wrongCode.getResponseBody()).contains("id=\"address-postal-errors\"")
                .contains(html("La dernière ligne doit être le code postal à cinq chiffres"))
                .as("what was typed is kept").contains("4299 Quelque-Part</textarea>");

        EntityExchangeResult<String> wrongEmail = volunteer.post("/communes/" + insee + "/adresse",
                Map.of("email", "mairie(at)ville", "postalAddress", ""));
        assertThat(wrongEmail.getStatus().value()).isEqualTo(400);
        assertThat(wrongEmail.getResponseBody()).contains("id=\"address-email-errors\"")
                .contains(html("Ce n’est pas une adresse électronique"));

        EntityExchangeResult<String> tooLong = volunteer.post("/communes/" + insee + "/adresse",
                Map.of("email", "a".repeat(330) + "@ville.example", "postalAddress", ""));
        assertThat(tooLong.getStatus().value()).isEqualTo(400);
        assertThat(tooLong.getResponseBody()).contains(html("Ce champ est trop long : 320 caractères au plus."));

        EntityExchangeResult<String> empty = volunteer.post("/communes/" + insee + "/adresse",
                Map.of("email", " ", "postalAddress", ""));
        assertThat(empty.getStatus().value()).isEqualTo(400);
        assertThat(empty.getResponseBody()).contains(html("Le formulaire est vide"));

        assertThat(authorities.contactHistory(townHalls.get(1))).as("nothing saved").isEmpty();
    }

    @Test
    void a_researcher_may_not_type_an_address_nor_import_the_directory_and_a_volunteer_may_not_import() {
        String insee = communes.get(1);
        PageSession researcher = PageSession.signIn(client, TestUsers.RESEARCHER, TestUsers.PASSWORD);
        assertThat(researcher.page("/communes/" + insee)).doesNotContain("id=\"adresse\"");
        assertThat(researcher.post("/communes/" + insee + "/adresse",
                Map.of("email", "mairie@ville.example")).getStatus().value()).isEqualTo(403);
        assertThat(researcher.get("/reglages/annuaire").getStatus().value()).isEqualTo(403);
        client.put().uri("/api/authorities/by-code/" + townHalls.get(1) + "/contact")
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", "mairie@ville.example"))
                .exchange().expectStatus().isForbidden();

        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.get("/reglages/annuaire").getStatus().value()).isEqualTo(403);
        assertThat(authorities.contactHistory(townHalls.get(1))).isEmpty();
    }

    @Test
    void the_api_checks_an_address_as_the_page_does() {
        client.put().uri("/api/authorities/by-code/" + townHalls.get(2) + "/contact")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("postalAddress", "Mairie / Ville 42000"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields.postalAddress").value(String.class, text -> assertThat(text)
                        .startsWith("La dernière ligne doit être le code postal"));
        client.put().uri("/api/authorities/by-code/" + townHalls.get(2) + "/contact")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", "Mairie@Ville.example"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.contact.email").isEqualTo("mairie@ville.example");
    }

    @Test
    void from_the_preview_the_volunteer_types_the_missing_address_and_is_back_on_the_preview_letter_addressed()
            throws Exception {
        String insee = communes.get(2);
        String townHall = townHalls.get(2);
        String name = authorities.commune(insee).name();
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        String preview = volunteer.page("/communes/" + insee + "/demande?apercu=1&authority=" + townHall
                + "&templates=vsa&channel=POST");
        assertThat(preview).contains(html("Aucune adresse n'est connue pour"))
                .contains("id=\"adresse\"").contains("action=\"/communes/" + insee + "/demande/adresse\"")
                .doesNotContain("set-contact").doesNotContain("name=\"token\"");

        Map<String, Object> form = new LinkedHashMap<>(Map.of("authority", townHall, "templates", List.of("vsa"),
                "channel", "POST", "postIfNoEmail", "false"));
        form.put("email", "");
        form.put("postalAddress", "Mairie\n42998 Quelque-Part");
        EntityExchangeResult<String> wrong = volunteer.post("/communes/" + insee + "/demande/adresse",
                Map.of("authority", townHall, "templates", List.of("vsa"), "channel", "POST", "postIfNoEmail", "false",
                        "email", "", "postalAddress", "Mairie\nQuelque-Part"));
        assertThat(wrong.getStatus().value()).isEqualTo(400);
        assertThat(wrong.getResponseBody()).contains(html("La dernière ligne doit être le code postal"))
                .contains(html("Les lettres"));
        assertThat(authorities.contactHistory(townHall)).isEmpty();

        EntityExchangeResult<String> saved = volunteer.post("/communes/" + insee + "/demande/adresse", form);
        assertThat(saved.getStatus().value()).isEqualTo(302);
        String back = local(saved);
        assertThat(back).startsWith("/communes/" + insee + "/demande?apercu=1&authority=" + townHall)
                .contains("templates=vsa").contains("channel=POST").endsWith("#apercu");
        String again = volunteer.page(back.substring(0, back.indexOf('#')));
        assertThat(again).contains("name=\"token\"").doesNotContain(html("Aucune adresse n'est connue"));
        assertThat(letterText(volunteer, "/communes/" + insee + "/demande/apercu.pdf?authority=" + townHall
                + "&channel=POST&template=vsa")).contains("42998 Quelque-Part");
        assertThat(authorities.townHall(insee).contact().addressProvenance().recordedBy())
                .isEqualTo(TestUsers.VOLUNTEER);
        assertThat(name).isNotBlank();
    }

    @Test
    void an_administrator_imports_the_directory_and_reads_its_report() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(admin.page("/reglages/annuaire")).contains("id=\"directory-form\"")
                .contains("/js/directory-import.js").contains("api-lannuaire-administration");
        String csv = TestDirectory.HEADER + TestDirectory.line(1, communes.get(3), "mairie@" + communes.get(3) + ".example")
                + TestDirectory.line(2, communes.get(4), "mairie@" + communes.get(4) + ".example")
                + TestDirectory.line(3, "99999", "mairie@fantome.example");

        EntityExchangeResult<String> sent = admin.post("/reglages/annuaire", Map.of("file", file("mairies.csv", csv)));
        String importPage = local(sent);
        assertThat(importPage).matches(IMPORT_PAGE.pattern());
        Map<String, Object> status = awaitEnd(admin, importPage);
        assertThat(status).containsEntry("state", "DONE");

        String report = admin.page(importPage);
        assertThat(report).contains(html("Import terminé."))
                .contains("<dd class=\"report-lines\">4</dd>")
                .contains("<dd class=\"report-recorded\">2</dd>")
                .contains("<dd class=\"report-unchanged\">0</dd>")
                .contains("99999");
        assertThat(authorities.townHall(communes.get(3)).contact().email())
                .isEqualTo("mairie@" + communes.get(3) + ".example");

        // The same file again changes nothing; a script is answered in JSON.
        EntityExchangeResult<String> again = client.post().uri("/reglages/annuaire")
                .header("Cookie", "JSESSIONID=" + admin.sessionId()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart(Map.of("file", file("mairies.csv", csv), "_csrf", csrf(admin.page("/reglages/annuaire")))))
                .exchange().returnResult(String.class);
        assertThat(again.getStatus().value()).isEqualTo(202);
        Matcher page = IMPORT_PAGE.matcher(again.getResponseBody());
        assertThat(page.find()).isTrue();
        awaitEnd(admin, page.group());
        assertThat(admin.page(page.group())).contains("<dd class=\"report-recorded\">0</dd>")
                .contains("<dd class=\"report-unchanged\">2</dd>");
        assertThat(admin.page("/reglages/annuaire")).contains("mairies.csv");
    }

    @Test
    void a_directory_file_with_a_bad_line_imports_nothing_and_lists_it() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.page("/reglages/annuaire");
        String broken = "3f1c7a52-0000-4d7e-9a10-000000000009;Mairie - Cassée;\"[{\"\"type_service_local\"\": "
                + "\"\"mairie\"\"\";" + communes.get(4) + ";mairie@cassee.example;;;;;SL;;2026-06-01;;\n";
        String csv = TestDirectory.HEADER + TestDirectory.line(1, communes.get(3), "mairie@" + communes.get(3) + ".example")
                + broken;

        EntityExchangeResult<String> sent = admin.post("/reglages/annuaire", Map.of("file", file("cassé.csv", csv)));
        String importPage = local(sent);
        assertThat(awaitEnd(admin, importPage)).containsEntry("state", "FAILED");

        String page = admin.page(importPage);
        assertThat(page).contains(html("Rien n’a été importé.")).contains("<td class=\"number\">3</td>")
                .contains(html("contenu JSON illisible dans une cellule"));
        assertThat(authorities.contactHistory(townHalls.get(3))).as("nothing half-imported").isEmpty();

        EntityExchangeResult<String> none = admin.post("/reglages/annuaire", Map.of("other", "x"));
        assertThat(none.getStatus().value()).isEqualTo(400);
        assertThat(none.getResponseBody()).contains(html("Choisissez un fichier à importer"));
    }

    @Test
    void a_campaign_dry_run_links_each_town_left_out_for_want_of_an_address_to_its_address_form() {
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        authorities.setContact(townHalls.get(0), new fr.lanterne.authorities.ContactDetails(null,
                "Mairie\n42000 Ville", null, null), "test");
        volunteer.page("/campagnes/nouvelle");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "");
        form.put("templates", "vsa");
        form.put("_templates", "on");
        form.put("targets.departement", "");
        form.put("targets.minPopulation", "");
        form.put("_targets.registry", "on");
        form.put("targets.codes", String.join("\n", communes.subList(0, 3)));
        form.put("channel", "AUTO");
        form.put("action", "apercu");
        form.put("targets.file", file("vide.csv", ""));
        String plan = volunteer.post("/campagnes/nouvelle", form).getResponseBody();

        assertThat(plan).contains("id=\"sans-adresse\"")
                .contains("href=\"/communes/" + communes.get(1) + "#adresse\"")
                .contains("href=\"/communes/" + communes.get(2) + "#adresse\"")
                .doesNotContain("href=\"/communes/" + communes.get(0) + "#adresse\"");

        Map<String, Object> dryRun = client.post().uri("/api/campaigns")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", List.of("vsa"), "insee", communes.subList(0, 3), "dryRun", true))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody();
        assertThat(dryRun).containsEntry("requests", 1);
        List<Object> pages = ((List<?>) dryRun.get("addressPages")).stream()
                .map(p -> ((Map<?, ?>) p).get("addressPage")).map(Object.class::cast).toList();
        assertThat(pages).containsExactly("/communes/" + communes.get(1) + "#adresse", "/communes/" + communes.get(2) + "#adresse");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> awaitEnd(PageSession session, String importPage) {
        for (int i = 0; i < 300; i++) {
            Map<String, Object> status = client.get().uri(importPage + "/etat")
                    .header("Cookie", "JSESSIONID=" + session.sessionId()).accept(MediaType.APPLICATION_JSON)
                    .exchange().expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody();
            if (!"RUNNING".equals(status.get("state"))) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import of " + importPage + " did not end within 30 seconds");
    }

    /** Where a redirect leads, on this server. */
    private static String local(EntityExchangeResult<String> redirect) {
        assertThat(redirect.getStatus().is3xxRedirection()).as("a redirect, got " + redirect.getStatus()).isTrue();
        java.net.URI location = redirect.getResponseHeaders().getLocation();
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
                + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
    }

    private String letterText(PageSession session, String uri) throws Exception {
        byte[] pdf = client.get().uri(uri).header("Cookie", "JSESSIONID=" + session.sessionId()).exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseBody();
        try (PDDocument letter = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(letter);
        }
    }

    static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static org.springframework.util.MultiValueMap<String, Object> multipart(Map<String, Object> fields) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return form;
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

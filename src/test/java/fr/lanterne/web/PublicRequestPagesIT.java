package fr.lanterne.web;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public pages of requests, as a visitor without an account reads them in public mode: a request with a published
 * document has its page (its letter without the requester's personal data, its steps, its deadlines, its documents,
 * the licence), one without does not exist, and the Atom feed lists what was published. Real requests, real PDFs.
 */
@LanterneIntegrationTest
class PublicRequestPagesIT {

    private static final String SISTERON = "04209";
    private static final String TOWN_HALL = "mairie-" + SISTERON;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    RestTestClient client;

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

    @Autowired
    Clock clock;

    @BeforeEach
    void sisteronHasAnEmail() {
        TestUsers.ensure(users);
        TestData.forgetRequests(jdbc, List.of(TOWN_HALL));
        authorities.setContact(TOWN_HALL, new ContactDetails("mairie@sisteron.test", "Place de la République\n"
                + "04200 Sisteron", null, null), "test");
    }

    @Test
    void a_visitor_reads_a_published_request_and_never_an_unpublished_one() throws Exception {
        RequestDetails published = sentRequest("cctv");
        String title = "Rapport <b>vidéo</b> & « caméras » " + published.reference();
        String sha = upload(published, title, "Convention de vidéoprotection urbaine de Sisteron");
        documents.publish(sha, true, TestUsers.VOLUNTEER);
        RequestDetails hidden = sentRequest("vsa");
        String hiddenSha = upload(hidden, "Note interne " + hidden.reference(), "Analyse vidéo algorithmique");

        PageSession visitor = PageSession.anonymous(client);
        String page = visitor.page("/demandes-publiques/" + published.reference());
        assertThat(page).contains("Mairie de Sisteron").contains(published.reference().value())
                // The requester is the association; the test identity is a natural person, so never named.
                .contains("Un membre de l’association")
                // The letter as sent, its mailbox masked.
                .contains("Demande de communication de documents administratifs")
                .contains("vidéoprotection installés ou prévus").contains("[adresse électronique masquée]")
                // The deadlines, read-only; the steps of the procedure; the document and its file.
                .contains("Envoi de la demande").contains("Réception par l’administration")
                .contains("href=\"/documents/" + sha + "\"").contains("href=\"/documents/" + sha + "/fichier\"")
                .contains("Rapport &lt;b&gt;vidéo&lt;/b&gt; &amp; « caméras »")
                // Reuse: the articles, the licence, the source and the date.
                .contains("CRPA, article L321-1").contains("CRPA, article L322-1")
                .contains("Licence Ouverte / Open Licence 2.0 (Etalab)").contains("Source : Mairie de Sisteron")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .doesNotContain("/demandes/" + published.reference());
        // No volunteer, no requester's personal data: not the owner, not the signer, not the mailbox.
        assertThat(page).doesNotContain(TestUsers.VOLUNTEER).doesNotContain("Camille").doesNotContain("Martin")
                .doesNotContain("demandes@lanterne.test").doesNotContain("demandes+")
                .doesNotContain("12 rue de la Préfecture").doesNotContain("<b>vidéo");
        assertThat(visitor.get("/documents/" + sha + "/fichier").getStatus().value()).isEqualTo(200);

        // Unpublished, unknown, ill-formed or absurdly long: the same "not found" page, never an error.
        for (String reference : List.of(hidden.reference().value(), "LNT-2099-999999", "pas-une-reference",
                "LNT-2026-" + "9".repeat(600), "<script>alert(1)")) {
            EntityExchangeResult<String> missing = visitor.get("/demandes-publiques/" + reference);
            assertThat(missing.getStatus().value()).as(reference).isEqualTo(404);
            assertThat(missing.getResponseBody()).as(reference).contains("Aucune demande publiée n’a la référence")
                    .doesNotContain("<script>alert").doesNotContain("9".repeat(100));
        }
        // A percent sign that is itself encoded is refused before any page (Spring Security's firewall): a clear 400.
        EntityExchangeResult<String> encoded = visitor.get("/demandes-publiques/%3Cscript%3E");
        assertThat(encoded.getStatus().value()).isEqualTo(400);
        assertThat(String.valueOf(encoded.getResponseBody())).doesNotContain("<script>");
        assertThat(visitor.get("/documents/" + hiddenSha).getStatus().value()).isEqualTo(404);
        // The volunteers' page of the same request stays behind the login.
        assertThat(visitor.get("/demandes/" + published.reference()).getStatus().is3xxRedirection()).isTrue();

        // The list, and its filters by town and by département.
        String list = visitor.page("/demandes-publiques");
        assertThat(list).contains("/demandes-publiques/" + published.reference())
                .doesNotContain(hidden.reference().value()).contains("CRPA, article L322-1");
        assertThat(visitor.page("/demandes-publiques?commune=" + SISTERON))
                .contains("Demandes adressées à la mairie de Sisteron")
                .contains("/demandes-publiques/" + published.reference());
        assertThat(visitor.page("/demandes-publiques?departement=04"))
                .contains("/demandes-publiques/" + published.reference());
        assertThat(visitor.page("/demandes-publiques?departement=06"))
                .doesNotContain("/demandes-publiques/" + published.reference());
        for (String wrong : List.of("?commune=" + "1".repeat(600), "?commune=99999", "?departement=ZZ",
                "?departement=" + "x".repeat(600), "?page=0", "?page=abc")) {
            EntityExchangeResult<String> refused = visitor.get("/demandes-publiques" + wrong);
            assertThat(refused.getStatus().value()).as(wrong).isEqualTo(400);
            assertThat(refused.getResponseBody()).as(wrong).doesNotContain("1".repeat(100))
                    .doesNotContain("x".repeat(100));
        }

        // The town page and the document page lead to the public page.
        assertThat(visitor.page("/communes/" + SISTERON))
                .contains("href=\"/demandes-publiques/" + published.reference() + "\"")
                .doesNotContain(hidden.reference().value());
        assertThat(visitor.page("/documents/" + sha))
                .contains("href=\"/demandes-publiques/" + published.reference() + "\"");

        // Signed in: the same page, with the way to the request's own page.
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page("/demandes-publiques/" + published.reference()))
                .contains("href=\"/demandes/" + published.reference() + "\"")
                .contains("Un membre de l’association");
        assertThat(volunteer.get("/demandes-publiques/" + hidden.reference()).getStatus().value()).isEqualTo(404);

        // Unpublished again: the page goes.
        documents.publish(sha, false, TestUsers.VOLUNTEER);
        assertThat(visitor.get("/demandes-publiques/" + published.reference()).getStatus().value()).isEqualTo(404);
    }

    @Test
    void the_feed_lists_the_published_documents_as_valid_atom() throws Exception {
        RequestDetails request = sentRequest("cctv");
        String title = "Délibération <vidéo> & \"caméras\" " + request.reference();
        String sha = upload(request, title, "Délibération du conseil municipal sur la vidéoprotection");
        RequestDetails hidden = sentRequest("vsa");
        String hiddenSha = upload(hidden, "Brouillon " + hidden.reference(), "Analyse vidéo algorithmique");
        documents.publish(sha, true, TestUsers.VOLUNTEER);

        EntityExchangeResult<byte[]> feed = client.get().uri("/publications.atom").exchange()
                .returnResult(byte[].class);
        assertThat(feed.getStatus().value()).isEqualTo(200);
        assertThat(feed.getResponseHeaders().getContentType().toString()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                feed.getResponseBody()));
        Element root = xml.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id")).isNotBlank();
        assertThat(child(root, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(child(root, "rights")).contains("L321-1").contains("L322-1")
                .contains("Licence Ouverte / Open Licence 2.0 (Etalab)");
        assertThat(child((Element) root.getElementsByTagNameNS(ATOM, "author").item(0), "name"))
                .isEqualTo("Un membre de l’association");

        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isBetween(1, 50);
        List<String> ids = new ArrayList<>();
        Element ours = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(child(entry, "id"));
            if (child(entry, "id").endsWith("/documents/" + sha)) {
                ours = entry;
            }
        }
        assertThat(ids).noneMatch(id -> id.endsWith(hiddenSha));
        // Newest first: ours was published last.
        assertThat(ids.get(0)).endsWith("/documents/" + sha);
        assertThat(ours).isNotNull();
        assertThat(child(ours, "title")).isEqualTo("Mairie de Sisteron — " + title);
        assertThat(child(ours, "summary")).contains("Mairie de Sisteron").contains(request.reference().value());
        assertThat(child(ours, "rights")).contains("Source : Mairie de Sisteron").contains("L322-1");
        List<String> links = new ArrayList<>();
        NodeList linkNodes = ours.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < linkNodes.getLength(); i++) {
            Element link = (Element) linkNodes.item(i);
            links.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
        }
        assertThat(links).anyMatch(l -> l.startsWith("alternate ") && l.endsWith("/documents/" + sha))
                .anyMatch(l -> l.startsWith("enclosure ") && l.endsWith("/documents/" + sha + "/fichier"))
                .anyMatch(l -> l.startsWith("related ") && l.endsWith("/demandes-publiques/" + request.reference()));
        String text = new String(feed.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<vidéo>").doesNotContain(TestUsers.VOLUNTEER)
                .doesNotContain("Camille").doesNotContain(hidden.reference().value());
    }

    @Test
    void a_file_named_after_a_person_is_never_shown_under_that_name_to_visitors() throws Exception {
        RequestDetails request = sentRequest("cctv");
        byte[] pdf = TestDocuments.textPdf(null, List.of(List.of("Convention de vidéoprotection "
                + request.reference(), "Réponse à votre demande " + request.reference())));
        String sha = documents.upload("courrier_M_Dupont.pdf", pdf, request.reference().value(),
                TestUsers.VOLUNTEER).items().get(0).sha256();
        documents.publish(sha, true, TestUsers.VOLUNTEER);
        String day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(clock));

        PageSession visitor = PageSession.anonymous(client);
        String page = visitor.page("/demandes-publiques/" + request.reference());
        assertThat(page).contains("href=\"/documents/" + sha + "\"").contains("— Mairie de Sisteron, " + day);
        String documentPage = visitor.page("/documents/" + sha);
        assertThat(documentPage).contains("— Mairie de Sisteron, " + day);
        String town = visitor.page("/communes/" + SISTERON);
        EntityExchangeResult<byte[]> feed = client.get().uri("/publications.atom").exchange()
                .returnResult(byte[].class);
        String atom = new String(feed.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(atom).contains("/documents/" + sha);
        EntityExchangeResult<byte[]> file = client.get().uri("/documents/" + sha + "/fichier").exchange()
                .returnResult(byte[].class);
        assertThat(file.getStatus().value()).isEqualTo(200);
        String disposition = file.getResponseHeaders().getFirst("Content-Disposition");
        assertThat(disposition).contains("document-" + sha.substring(0, 12) + ".pdf");
        // The visitors' search: its page, its API and its CSV export.
        String q = "/recherche?q=" + request.reference();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!visitor.page(q).contains("/documents/" + sha)) {
            assertThat(System.nanoTime()).as("indexed within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        String found = visitor.page(q);
        assertThat(found).contains("— Mairie de Sisteron, " + day);
        String api = client.get().uri("/api/search?q=" + request.reference()).exchange().returnResult(String.class)
                .getResponseBody();
        assertThat(api).contains(sha).contains("— Mairie de Sisteron, " + day);
        String csv = client.get().uri("/recherche.csv?q=" + request.reference()).exchange()
                .returnResult(String.class).getResponseBody();
        assertThat(csv).contains(sha);
        for (String seen : List.of(page, documentPage, town, atom, disposition, found, api, csv)) {
            assertThat(seen).doesNotContainIgnoringCase("Dupont").doesNotContain("courrier_M");
        }
        // Nor do visitors find the document by the name its file carried.
        assertThat(client.get().uri("/api/search?q=Dupont").exchange().returnResult(String.class).getResponseBody())
                .doesNotContain(sha);

        // Signed in, the file keeps the name it was received under.
        PageSession volunteer = PageSession.signIn(client, TestUsers.VOLUNTEER, TestUsers.PASSWORD);
        assertThat(volunteer.page("/documents/" + sha)).contains("courrier_M_Dupont.pdf");
    }

    private RequestDetails sentRequest(String template) {
        RequestDetails request = requests.create(new NewRequest(SISTERON, template, Channel.EMAIL, false),
                TestUsers.VOLUNTEER);
        return requests.recordSent(request.reference(), LocalDate.now(clock).minusDays(3), TestUsers.VOLUNTEER);
    }

    /** A real PDF answering the request, with a unique text so that it is a document of its own. */
    private String upload(RequestDetails request, String title, String text) {
        byte[] pdf = TestDocuments.textPdf(title, List.of(List.of(text + " " + request.reference(),
                "Réponse à votre demande " + request.reference())));
        return documents.upload("reponse-" + request.reference() + ".pdf", pdf, request.reference().value(),
                TestUsers.VOLUNTEER).items().get(0).sha256();
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        assertThat(nodes.getLength()).as(name + " in " + parent.getLocalName()).isPositive();
        // The element directly under the parent, not one of an entry's when the parent is the feed.
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        throw new AssertionError("no " + name + " directly in " + parent.getLocalName());
    }
}

package fr.lanterne.web;

import fr.lanterne.TestUsers;
import fr.lanterne.shared.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.TestDocuments;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Users;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of every write endpoint need to exist: requests, a deployment, a document. The requests go to
 * towns no other test writes to, Briançon (05023), Gap (05061) and Guillestre (05065), by post; the README's examples write to Embrun
 * (05046). Their requests are deleted afterwards with their timelines, so that the next run may create them again
 * (Lanterne refuses a second open request for the same town and template, and the same letter twice within 180
 * days).
 */
final class ApiFixtures {

    static final String TOWN = "05023";
    static final String OTHER_TOWN = "05061";
    static final String THIRD_TOWN = "05065";
    static final String README_TOWN = "05046";
    static final List<String> TEMPLATES = List.of("vsa", "cctv", "drones-sound");

    private final Requests requests;
    private final Registry registry;
    private final Documents documents;
    private final JdbcClient jdbc;
    private final List<String> references = new ArrayList<>();
    private final List<Long> deployments = new ArrayList<>();
    private String pdf;
    private int next;

    /** The fixtures of a test, on the application of its context; the test accounts exist. */
    static ApiFixtures in(ApplicationContext context) {
        TestUsers.ensure(context.getBean(Users.class));
        return new ApiFixtures(context.getBean(Requests.class), context.getBean(Registry.class),
                context.getBean(Documents.class), context.getBean(JdbcClient.class),
                context.getBean(Authorities.class));
    }

    private ApiFixtures(Requests requests, Registry registry, Documents documents, JdbcClient jdbc,
                        Authorities authorities) {
        this.requests = requests;
        this.registry = registry;
        this.documents = documents;
        this.jdbc = jdbc;
        forget();
        authorities.setContact("mairie-" + TOWN, new ContactDetails(null, "Hôtel de ville / 05100 Briançon", null,
                null), TestUsers.ADMIN);
        authorities.setContact("mairie-" + OTHER_TOWN, new ContactDetails(null, "Hôtel de ville / 05000 Gap", null,
                null), TestUsers.ADMIN);
        authorities.setContact("mairie-" + THIRD_TOWN, new ContactDetails(null, "Hôtel de ville / 05600 Guillestre",
                null, null), TestUsers.ADMIN);
    }

    /** A new request, not yet sent. */
    String created() {
        List<String> towns = List.of(TOWN, OTHER_TOWN, THIRD_TOWN);
        if (next >= towns.size() * TEMPLATES.size()) {
            throw new IllegalStateException("Nine requests at most: three towns, three templates.");
        }
        String town = towns.get(next / TEMPLATES.size());
        String template = TEMPLATES.get(next % TEMPLATES.size());
        next++;
        String reference = requests.create(new NewRequest(town, template, Channel.POST, false), TestUsers.ADMIN)
                .reference().value();
        references.add(reference);
        return reference;
    }

    /** A request posted on 2 March 2026. */
    String sent() {
        String reference = created();
        requests.recordSent(RequestReference.parse(reference), LocalDate.of(2026, 3, 2), TestUsers.ADMIN);
        return reference;
    }

    /** A request posted on 2 March 2026 and received on 4 March. */
    String received() {
        String reference = sent();
        requests.recordReceipt(RequestReference.parse(reference), LocalDate.of(2026, 3, 4), null, TestUsers.ADMIN);
        return reference;
    }

    long deployment() {
        Deployment created = registry.create(new DeploymentDraft(TOWN, null, Technology.CCTV, null, null,
                DeploymentStatus.ANNOUNCED, null, null, null, null, List.of()), TestUsers.ADMIN);
        deployments.add(created.id());
        return created.id();
    }

    /** A deployment a test created through the API, deleted with the others. */
    void adopt(long deployment) {
        deployments.add(deployment);
    }

    /**
     * A PDF letter, not tied to any request, holding what Lanterne proposes to occult (a name after a title, an email
     * address) and facts (a camera count), for the redaction and facts examples.
     */
    String pdfDocument() {
        if (pdf == null) {
            byte[] letter = TestDocuments.textPdf("Réponse de la mairie d’Embrun", List.of(List.of(
                    "Madame, Monsieur,", "Le dossier est suivi par Mme Odile Rastoin (odile.rastoin@example.org).",
                    "La commune a installé 42 caméras de vidéoprotection.", "Exemplaire " + UUID.randomUUID())));
            DocumentRecords.Report report = documents.upload("lettre-embrun.pdf", letter, null, TestUsers.ADMIN);
            pdf = report.items().get(0).sha256();
            jdbc.sql("UPDATE document SET request_reference = NULL WHERE sha256 = ?").param(pdf).update();
        }
        return pdf;
    }

    /** A pending proposal of {@link #pdfDocument()}, its proposals made first. */
    long pendingProposal() {
        return jdbc.sql("SELECT id FROM redaction WHERE sha256 = ? AND source = 'PROPOSAL' AND status = 'PENDING' "
                + "ORDER BY id LIMIT 1").param(pdfDocument()).query(Long.class).single();
    }

    /** A camera count read in {@link #pdfDocument()}, a fact a deployment can take. */
    long cameraCountFact() {
        return jdbc.sql("SELECT id FROM document_fact WHERE sha256 = ? AND kind = 'CAMERA_COUNT' ORDER BY id LIMIT 1")
                .param(pdfDocument()).query(Long.class).single();
    }

    /** A small text document, not tied to any request. */
    String document() {
        byte[] text = "Réponse de la mairie de Briançon : pièce jointe de test pour l’API."
                .getBytes(StandardCharsets.UTF_8);
        DocumentRecords.Report report = documents.upload("reponse-briancon.txt", text, null, TestUsers.ADMIN);
        String sha256 = report.items().get(0).sha256();
        jdbc.sql("UPDATE document SET request_reference = NULL WHERE sha256 = ?").param(sha256).update();
        return sha256;
    }

    /**
     * Deletes the requests made to the fixtures' towns (by this run or an interrupted one), those this run made that
     * were since transmitted to another authority, and the deployments made here.
     */
    void forget() {
        for (String reference : references) {
            jdbc.sql("UPDATE document SET request_reference = NULL WHERE request_reference = ?").param(reference)
                    .update();
            jdbc.sql("DELETE FROM request_event WHERE request_id IN (SELECT id FROM request WHERE reference = ?)")
                    .param(reference).update();
            jdbc.sql("DELETE FROM request WHERE reference = ?").param(reference).update();
        }
        for (String town : List.of(TOWN, OTHER_TOWN, THIRD_TOWN, README_TOWN)) {
            String code = "mairie-" + town;
            jdbc.sql("""
                    UPDATE document SET request_reference = NULL WHERE request_reference IN (SELECT r.reference
                        FROM request r JOIN authority a ON a.id = r.authority_id WHERE a.code = ?)""")
                    .param(code).update();
            jdbc.sql("""
                    DELETE FROM request_event WHERE request_id IN (SELECT r.id FROM request r
                        JOIN authority a ON a.id = r.authority_id WHERE a.code = ?)""").param(code).update();
            jdbc.sql("DELETE FROM request WHERE authority_id = (SELECT id FROM authority WHERE code = ?)")
                    .param(code).update();
        }
        for (long id : deployments) {
            try {
                registry.delete(id, registry.deployment(id).version(), TestUsers.ADMIN);
            } catch (UserError alreadyDeleted) {
                // A test deleted it through the API.
            }
        }
        deployments.clear();
        references.clear();
        next = 0;
    }
}

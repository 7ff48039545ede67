package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.shared.DataDirectory;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.database.EmbeddedMariaDb;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Campaigns end to end: through a real SMTP server, and killed in the middle then resumed. */
@LanterneIntegrationTest
class CampaignIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

    @Autowired
    Campaigns campaigns;

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void a_campaign_to_a_departement_sends_each_email_once_and_readies_the_post() throws Exception {
        List<String> haute_corse = authorities.communeCodes("2B", null);
        TestData.forgetRequests(jdbc, haute_corse.stream().map(AuthorityCodes::townHall).toList());
        TestData.forgetContacts(jdbc, haute_corse.stream().map(AuthorityCodes::townHall).toList());
        List<String> byEmail = haute_corse.subList(0, 8);
        List<String> byPost = haute_corse.subList(8, 11);
        for (String insee : byEmail) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails("mairie-" + insee.toLowerCase()
                    + "@corse.test", null, null, null), "test");
        }
        for (String insee : byPost) {
            authorities.setContact(AuthorityCodes.townHall(insee), new ContactDetails(null, "Mairie\n20200 Bastia",
                    null, null), "test");
        }
        NewCampaign campaign = new NewCampaign(null, List.of("vsa"),
                new CampaignTargets(List.of(), "2b", null, false, List.of()), null);

        CampaignPlan plan = campaigns.plan(campaign);
        assertThat(plan.targets()).isEqualTo(haute_corse.size());
        assertThat(plan.email()).isEqualTo(8);
        assertThat(plan.post()).isEqualTo(3);
        assertThat(plan.skipped()).hasSize(haute_corse.size() - 11)
                .allMatch(reason -> reason.contains("ni adresse postale ni courriel"));
        assertThat(MAIL.getReceivedMessages()).as("a plan sends nothing").isEmpty();

        long id = campaigns.create(campaign, "alice");
        List<CampaignProgress> seen = new ArrayList<>();
        CampaignProgress done = campaigns.run(id, seen::add);
        assertThat(done.state()).isEqualTo(CampaignState.COMPLETED);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.requestsByStatus()).containsEntry(RequestStatus.SENT, 8).containsEntry(RequestStatus.QUEUED, 3);
        assertThat(done.state()).isEqualTo(CampaignState.COMPLETED);
        // Moved to QUEUED through the Request aggregate, as a single request is: due at once whatever the channel,
        // with the letter and the queueing in the timeline.
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM request r WHERE r.campaign_id = ? AND r.status = 'QUEUED'
                          AND r.next_attempt_at IS NOT NULL AND r.version = 1
                          AND EXISTS (SELECT 1 FROM request_event e WHERE e.request_id = r.id
                                      AND e.type = 'LETTER_RENDERED')
                          AND EXISTS (SELECT 1 FROM request_event e WHERE e.request_id = r.id AND e.type = 'QUEUED')""")
                .param(id).query(Integer.class).single()).isEqualTo(3);
        assertThat(done.created()).isEqualTo(11);
        assertThat(done.skipped()).isEqualTo(haute_corse.size() - 11);
        assertThat(seen).isNotEmpty();

        MimeMessage[] messages = MAIL.getReceivedMessages();
        assertThat(messages).hasSize(8);
        Set<String> recipients = Stream.of(messages).map(CampaignIT::recipient).collect(Collectors.toSet());
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(byEmail.stream()
                .map(insee -> "mairie-" + insee.toLowerCase() + "@corse.test").toList());
        assertThat(Stream.of(messages).map(CampaignIT::reference).distinct()).hasSize(8);
        for (MimeMessage message : messages) {
            assertThat(message.getSubject()).startsWith("[" + reference(message) + "]");
        }

        Path print = dataDirectory.root().resolve(done.printFile()).resolve("a-poster-001.pdf");
        try (PDDocument merged = Loader.loadPDF(print.toFile())) {
            assertThat(merged.getNumberOfPages()).as("three letters of two pages").isEqualTo(6);
        }
        // Each letter starts on a new sheet printed on both sides: its pages, and a blank back if they are odd.
        int sheetsSides = 0;
        for (String file : jdbc.sql("SELECT letter_file FROM request WHERE campaign_id = ? AND channel = 'POST' "
                + "ORDER BY id").param(id).query(String.class).list()) {
            try (PDDocument letter = Loader.loadPDF(dataDirectory.root().resolve(file).toFile())) {
                sheetsSides += letter.getNumberOfPages() + letter.getNumberOfPages() % 2;
            }
        }
        try (PDDocument merged = Loader.loadPDF(print.toFile())) {
            assertThat(merged.getNumberOfPages()).isEqualTo(sheetsSides);
        }

        CampaignProgress again = campaigns.run(id, p -> { });
        assertThat(again.created()).isEqualTo(11);
        assertThat(MAIL.getReceivedMessages()).as("running a finished campaign again sends nothing").hasSize(8);
    }

    /**
     * The campaign runs in another JVM, killed with SIGKILL while it sends; a third JVM resumes it. Exactly one
     * request per target, no email twice, and every request either sent or marked uncertain.
     */
    @Test
    void a_campaign_killed_while_sending_resumes_without_duplicates() throws Exception {
        Path dataDir = Path.of("target", "it-campaign-kill").toAbsolutePath();
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        List<String> corseDuSud = authorities.communeCodes("2A", null).subList(0, 40);
        Path contacts = dataDir.resolve("contacts.csv");
        Files.writeString(contacts, "insee,email,postal_address,source\n" + corseDuSud.stream()
                .map(insee -> insee + ",mairie-" + insee.toLowerCase() + "@corse-du-sud.test,,test")
                .collect(Collectors.joining("\n")) + "\n");

        assertThat(lanterne(dataDir, "authorities", "import-contacts", contacts.toString()).waitFor()).isZero();
        // A fresh database: nothing leaves before someone says who signs.
        assertThat(lanterne(dataDir, "settings", "identity", "set", "--kind", "NATURAL_PERSON", "--surname", "Martin",
                "--given-names", "Camille", "--home-address", "12 rue de la Préfecture / 06300 Nice", "--mailbox",
                "demandes@lanterne.test", "--place", "Nice").waitFor()).isZero();
        Process launch = lanterne(dataDir, "campaign", "launch", "--template", "cctv", "--insee",
                String.join(",", corseDuSud), "--channel", "EMAIL");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (MAIL.getReceivedMessages().length < 6 && launch.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(launch.isAlive()).as("still sending when killed").isTrue();
        launch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int beforeResume = MAIL.getReceivedMessages().length;
        assertThat(beforeResume).isBetween(6, 39);

        Process resume = lanterne(dataDir, "campaign", "resume", "1");
        assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String resumed = new String(resume.getInputStream().readAllBytes());
        assertThat(resume.exitValue()).as(resumed).isZero();

        Map<String, Integer> perReference = new HashMap<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            perReference.merge(reference(message), 1, Integer::sum);
        }
        assertThat(perReference.values()).as("no email sent twice").allMatch(count -> count == 1);

        Map<String, Integer> statuses = statuses(dataDir);
        int sent = statuses.getOrDefault("SENT", 0);
        int uncertain = statuses.getOrDefault("SEND_UNCERTAIN", 0);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).as("one request per target")
                .isEqualTo(40);
        assertThat(sent + uncertain).as(statuses.toString()).isEqualTo(40);
        assertThat(uncertain).isLessThanOrEqualTo(1);
        assertThat(perReference).hasSizeBetween(sent, sent + uncertain);
    }

    private static Process lanterne(Path dataDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlanterne.database.binaries-dir=" + Path.of("target", "mariadb-binaries").toAbsolutePath(),
                "-Dspring.mail.host=127.0.0.1",
                "-Dspring.mail.port=" + LanterneIntegrationTest.SMTP_PORT,
                "-Dlanterne.requests.mailbox=demandes@lanterne.test",
                "-Dlanterne.requests.emails-per-minute=240",
                "-cp", System.getProperty("java.class.path"),
                "fr.lanterne.launcher.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(args[0].equals("campaign") && args[1].equals("resume")
                        ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static Map<String, Integer> statuses(Path dataDir) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(dataDir.resolve("mariadb"),
                Path.of("target", "mariadb-binaries"), 0, false);
             Connection connection = DriverManager.getConnection(db.createDatabase("lanterne"),
                     db.credentials().user(), db.credentials().password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT status, COUNT(*) FROM request GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reference(MimeMessage message) {
        try {
            return message.getHeader("X-Lanterne-Reference")[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

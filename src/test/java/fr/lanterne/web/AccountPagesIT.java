package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import fr.lanterne.TestMail;
import fr.lanterne.TestUsers;
import fr.lanterne.audit.AuditLog;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.PasswordResets;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Accounts through the pages: an administrator creates one, its person gets the link by email (a real SMTP server),
 * chooses a password and signs in; roles, groups, disabling; the last administrator kept; everyone's profile with
 * their calendar address.
 */
@LanterneIntegrationTest
class AccountPagesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.smtp();

    private static final Pattern LINK = Pattern.compile("https?://\\S+/mot-de-passe/([A-Za-z0-9_-]+)");
    private static final String NICE = "mairie-06088";

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    PasswordResets resets;

    @Autowired
    Requests requests;

    @Autowired
    Authorities authorities;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final String name = "it-" + Long.toString(System.nanoTime() % 100_000_000L, 36);

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
    }

    @Test
    void an_account_created_in_the_browser_gets_its_link_by_email_and_signs_in_with_the_password_it_chose()
            throws Exception {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(admin.page("/comptes")).contains(TestUsers.VOLUNTEER).contains("Dernière connexion");
        admin.page("/comptes/nouveau");

        String page = admin.follow(admin.post("/comptes/nouveau", Map.of("username", " " + name.toUpperCase() + " ",
                "role", "VOLUNTEER", "group", "Collectif Nice", "email", name + "@comptes.test")));

        assertThat(page).contains("Le compte est créé").contains("parti par courriel à " + name + "@comptes.test")
                .doesNotContain("/mot-de-passe/");
        User created = users.find(name).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.VOLUNTEER);
        assertThat(created.group()).isEqualTo("Collectif Nice");
        assertThat(auditLog.recent(TestUsers.ADMIN, 5)).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("compte créé : " + name + ", bénévole, collectif Collectif Nice, " + name + "@comptes.test"));

        MimeMessage mail = mailTo(name + "@comptes.test");
        String body = (String) mail.getContent();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);
        assertThat(body).contains("« " + name + " »").contains("une fois");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?").param(token)
                .query(Long.class).single()).as("only the hash is stored").isZero();

        // Nobody can sign in before the password is chosen.
        assertSignInRefused(name, "");

        PageSession person = PageSession.anonymous(client);
        assertThat(person.page("/mot-de-passe/" + token)).contains("Choisissez le mot de passe du compte « " + name);
        EntityExchangeResult<String> differ = person.post("/mot-de-passe/" + token,
                Map.of("password", "une phrase assez longue", "confirmation", "une phrase assez longue !"));
        assertThat(differ.getStatus().value()).isEqualTo(400);
        assertThat(differ.getResponseBody()).contains("id=\"confirmation-error\"")
                .contains("Les deux mots de passe ne sont pas les mêmes");
        EntityExchangeResult<String> tooShort = person.post("/mot-de-passe/" + token,
                Map.of("password", "court", "confirmation", "court"));
        assertThat(tooShort.getStatus().value()).isEqualTo(400);
        assertThat(tooShort.getResponseBody()).contains("id=\"password-error\"").contains("au moins 10 caractères");

        EntityExchangeResult<String> chosen = person.post("/mot-de-passe/" + token,
                Map.of("password", "une phrase assez longue", "confirmation", "une phrase assez longue"));
        assertThat(String.valueOf(chosen.getResponseHeaders().getLocation())).endsWith("/login?password");

        // A used link and a link that never existed get the same answer.
        EntityExchangeResult<String> used = person.get("/mot-de-passe/" + token);
        EntityExchangeResult<String> unknown = person.get("/mot-de-passe/pas-un-vrai-jeton");
        assertThat(used.getStatus().value()).isEqualTo(410);
        assertThat(unknown.getStatus().value()).isEqualTo(410);
        assertThat(message(used.getResponseBody())).isEqualTo(message(unknown.getResponseBody()))
                .contains("ne permet pas (ou plus)");
        EntityExchangeResult<String> reused = person.post("/mot-de-passe/" + token,
                Map.of("password", "encore une autre phrase", "confirmation", "encore une autre phrase"));
        assertThat(reused.getStatus().value()).isEqualTo(410);

        PageSession signedIn = PageSession.signIn(client, name, "une phrase assez longue");
        assertThat(signedIn.page("/profil")).contains(name).contains("Collectif Nice");
        assertThat(users.account(name).orElseThrow().lastSignIn()).isNotNull();
        assertThat(admin.page("/comptes")).contains(name);
    }

    @Test
    void an_expired_link_says_so_and_a_new_link_replaces_the_old() {
        users.create(name, Role.RESEARCHER, null, null);
        PasswordResets.Issued first = resets.issue(name, TestUsers.ADMIN);
        PasswordResets.Issued second = resets.issue(name, TestUsers.ADMIN);
        assertThat(resets.check(first.token()).status()).isEqualTo(PasswordResets.Status.INVALID);
        jdbc.sql("UPDATE password_reset SET expires_at = ? WHERE username = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(60)), name).update();

        EntityExchangeResult<String> expired = PageSession.anonymous(client).get("/mot-de-passe/" + second.token());

        assertThat(expired.getStatus().value()).isEqualTo(410);
        assertThat(expired.getResponseBody()).contains("Ce lien a expiré").contains("48 heures")
                .doesNotContain("name=\"password\"");
    }

    @Test
    void without_an_email_address_the_link_is_shown_to_the_administrator() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.page("/comptes/nouveau");

        String page = admin.follow(admin.post("/comptes/nouveau", Map.of("username", name, "role", "RESEARCHER",
                "group", "", "email", "")));

        assertThat(page).contains("n’a pas d’adresse électronique").contains("Transmettez ce lien");
        Matcher link = LINK.matcher(page);
        assertThat(link.find()).isTrue();
        assertThat(resets.check(link.group(1)).status()).isEqualTo(PasswordResets.Status.VALID);
        assertThat(resets.check(link.group(1)).username()).isEqualTo(name);
    }

    @Test
    void bad_input_is_answered_beside_its_field() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.page("/comptes/nouveau");

        EntityExchangeResult<String> existing = admin.post("/comptes/nouveau", Map.of("username", TestUsers.VOLUNTEER,
                "role", "VOLUNTEER", "group", "", "email", ""));
        assertThat(existing.getStatus().value()).isEqualTo(400);
        assertThat(existing.getResponseBody()).contains("id=\"username-error\"").contains("existe déjà");

        EntityExchangeResult<String> wrong = admin.post("/comptes/nouveau", Map.of("username", "camille martin",
                "role", "SUPERUSER", "group", "g".repeat(101), "email", "camille@"));
        assertThat(wrong.getStatus().value()).isEqualTo(400);
        assertThat(wrong.getResponseBody()).contains("id=\"username-error\"").contains("id=\"role-error\"")
                .contains("id=\"group-error\"").contains("id=\"email-error\"")
                .contains("Ce rôle n’existe pas").contains("n’est pas une adresse électronique")
                // What was typed comes back.
                .contains("value=\"camille martin\"");

        EntityExchangeResult<String> tooLong = admin.post("/comptes/nouveau", Map.of("username", "a".repeat(61),
                "role", "VOLUNTEER"));
        assertThat(tooLong.getStatus().value()).isEqualTo(400);
        assertThat(tooLong.getResponseBody()).contains("id=\"username-error\"");
        assertThat(users.find("a".repeat(60))).isEmpty();
    }

    @Test
    void an_administrator_sets_role_and_group_and_a_disabled_account_cannot_sign_in() {
        users.create(name, Role.VOLUNTEER, null, null);
        users.setPassword(name, "une phrase assez longue".toCharArray());
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.page("/comptes/" + name);

        String saved = admin.follow(admin.post("/comptes/" + name, Map.of("role", "RESEARCHER", "group", "Lyon",
                "email", name + "@comptes.test")));

        assertThat(saved).contains("Les changements sont enregistrés");
        assertThat(users.find(name)).get().satisfies(u -> {
            assertThat(u.role()).isEqualTo(Role.RESEARCHER);
            assertThat(u.group()).isEqualTo("Lyon");
            assertThat(u.email()).isEqualTo(name + "@comptes.test");
        });
        assertThat(auditLog.recent(TestUsers.ADMIN, 3)).anySatisfy(e -> assertThat(e.detail())
                .startsWith("compte " + name + " : " + name + ", chercheur·e, collectif Lyon"));

        PageSession researcher = PageSession.signIn(client, name, "une phrase assez longue");
        researcher.page("/recherche");
        String disabled = admin.follow(admin.post("/comptes/" + name + "/activation", Map.of("enabled", "false")));
        assertThat(disabled).contains("Le compte est désactivé");
        assertThat(users.find(name).orElseThrow().enabled()).isFalse();
        assertSignInRefused(name, "une phrase assez longue");
        // The session opened before is over too.
        EntityExchangeResult<String> after = researcher.get("/recherche");
        assertThat(after.getStatus().is3xxRedirection()).isTrue();
        assertThat(String.valueOf(after.getResponseHeaders().getLocation())).contains("/login");
        EntityExchangeResult<String> noLink = admin.post("/comptes/" + name + "/lien", Map.of());
        assertThat(noLink.getStatus().value()).isEqualTo(409);
        assertThat(noLink.getResponseBody()).contains("est désactivé");

        admin.follow(admin.post("/comptes/" + name + "/activation", Map.of("enabled", "true")));
        PageSession.signIn(client, name, "une phrase assez longue");
    }

    @Test
    void the_last_administrator_can_be_neither_demoted_nor_disabled() {
        List<String> others = jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled AND username <> ?")
                .param(TestUsers.ADMIN).query(String.class).list();
        try {
            others.forEach(other -> jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(other)
                    .update());
            PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
            admin.page("/comptes/" + TestUsers.ADMIN);

            EntityExchangeResult<String> demoted = admin.post("/comptes/" + TestUsers.ADMIN,
                    Map.of("role", "VOLUNTEER", "group", "", "email", TestUsers.ADMIN + "@example.org"));
            assertThat(demoted.getStatus().value()).isEqualTo(400);
            assertThat(demoted.getResponseBody()).contains("id=\"role-error\"")
                    .contains("dernier compte administrateur actif");
            EntityExchangeResult<String> disabled = admin.post("/comptes/" + TestUsers.ADMIN + "/activation",
                    Map.of("enabled", "false"));
            assertThat(disabled.getStatus().value()).isEqualTo(409);
            assertThat(disabled.getResponseBody()).contains("dernier compte administrateur actif");
            assertThat(users.find(TestUsers.ADMIN)).get().satisfies(u -> {
                assertThat(u.role()).isEqualTo(Role.ADMIN);
                assertThat(u.enabled()).isTrue();
            });

            // With a second administrator, the first may step down.
            users.create(name, Role.ADMIN, null, null);
            users.setRole(TestUsers.ADMIN, Role.VOLUNTEER);
            users.setRole(TestUsers.ADMIN, Role.ADMIN);
        } finally {
            others.forEach(other -> jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = ?").param(other)
                    .update());
            jdbc.sql("UPDATE app_user SET role = 'ADMIN', enabled = TRUE WHERE username = ?").param(TestUsers.ADMIN)
                    .update();
        }
    }

    @Test
    void researchers_and_volunteers_are_refused_the_administrators_pages() {
        for (String who : List.of(TestUsers.RESEARCHER, TestUsers.VOLUNTEER)) {
            PageSession session = PageSession.signIn(client, who, TestUsers.PASSWORD);
            assertThat(session.get("/comptes").getStatus().value()).as(who).isEqualTo(403);
            assertThat(session.get("/comptes/nouveau").getStatus().value()).as(who).isEqualTo(403);
            assertThat(session.get("/comptes/" + TestUsers.ADMIN).getStatus().value()).as(who).isEqualTo(403);
            session.page("/profil");
            // Their own profile's forms are theirs, researchers' too (every other change is an editor's).
            assertThat(session.post("/profil/calendrier", Map.of()).getStatus().is3xxRedirection()).as(who).isTrue();
            assertThat(session.post("/comptes/nouveau", Map.of("username", name, "role", "ADMIN"))
                    .getStatus().value()).as(who).isEqualTo(403);
        }
        assertThat(users.find(name)).isEmpty();
    }

    @Test
    void a_profile_changes_its_password_and_renews_its_calendar_address() throws Exception {
        users.create(name, Role.VOLUNTEER, null, null);
        users.setPassword(name, "une phrase assez longue".toCharArray());
        TestData.forgetRequests(jdbc, List.of(NICE));
        authorities.setContact(NICE, new ContactDetails("mairie-06088@comptes.test", null, null, null), "test");
        LocalDate today = LocalDate.now(clock);
        RequestDetails request = requests.create(new NewRequest("06088", "vsa", Channel.EMAIL, false), name);
        RequestReference reference = request.reference();
        requests.recordSent(reference, today.minusDays(5), name);
        requests.recordReceipt(reference, today.minusDays(3), "AR", name);
        try {
            PageSession person = PageSession.signIn(client, name, "une phrase assez longue");
            String profile = person.page("/profil");
            String oldLink = calendarLink(profile);
            assertThat(oldLink).startsWith("http").contains("/calendar/");
            String oldPath = oldLink.substring(oldLink.indexOf("/calendar/"));
            String feed = PageSession.anonymous(client).page(oldPath);
            assertThat(feed.replace("\r\n ", "")).contains("SUMMARY:Nice : refus implicite de la demande "
                    + request.reference()).contains("BEGIN:VALARM").contains("TRIGGER:-P1D");

            String renewed = person.follow(person.post("/profil/calendrier", Map.of()));
            String newLink = calendarLink(renewed);
            assertThat(newLink).isNotEqualTo(oldLink);
            assertThat(renewed).contains("l’ancienne ne fonctionne plus");
            assertThat(PageSession.anonymous(client).get(oldPath).getStatus().value()).isEqualTo(404);
            String newFeed = PageSession.anonymous(client).page(newLink.substring(newLink.indexOf("/calendar/")));
            assertThat(newFeed).contains("BEGIN:VALARM").contains("Nice : ");

            EntityExchangeResult<String> wrongCurrent = person.post("/profil/mot-de-passe", Map.of(
                    "current", "pas le bon", "password", "une nouvelle phrase", "confirmation", "une nouvelle phrase"));
            assertThat(wrongCurrent.getStatus().value()).isEqualTo(400);
            assertThat(wrongCurrent.getResponseBody()).contains("id=\"current-error\"")
                    .contains("pas votre mot de passe actuel");
            EntityExchangeResult<String> differ = person.post("/profil/mot-de-passe", Map.of(
                    "current", "une phrase assez longue", "password", "une nouvelle phrase", "confirmation", "autre"));
            assertThat(differ.getStatus().value()).isEqualTo(400);
            assertThat(differ.getResponseBody()).contains("id=\"confirmation-error\"");
            String changed = person.follow(person.post("/profil/mot-de-passe", Map.of(
                    "current", "une phrase assez longue", "password", "une nouvelle phrase",
                    "confirmation", "une nouvelle phrase")));
            assertThat(changed).contains("Votre mot de passe est changé");
            PageSession.signIn(client, name, "une nouvelle phrase");
            assertSignInRefused(name, "une phrase assez longue");
        } finally {
            TestData.forgetRequests(jdbc, List.of(NICE));
        }
    }

    private void assertSignInRefused(String username, String password) {
        PageSession visitor = PageSession.anonymous(client);
        visitor.page("/login");
        EntityExchangeResult<String> result = visitor.post("/login", Map.of("username", username,
                "password", password));
        assertThat(String.valueOf(result.getResponseHeaders().getLocation())).contains("/login?error");
    }

    private static String calendarLink(String page) {
        Matcher matcher = Pattern.compile("id=\"calendar-link\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the calendar link is shown").isTrue();
        return matcher.group(1);
    }

    private static String message(String page) {
        Matcher matcher = Pattern.compile("id=\"link-error\"[^>]*>([^<]+)<").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    private static MimeMessage mailTo(String address) throws Exception {
        MAIL.waitForIncomingEmail(10_000, 1);
        return Stream.of(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("No email to " + address));
    }
}

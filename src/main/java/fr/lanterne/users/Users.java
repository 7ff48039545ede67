package fr.lanterne.users;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users module's API: accounts, roles and passwords (stored hashed, never in clear). */
@Service
public class Users {

    public static final int MIN_PASSWORD_LENGTH = 10;
    // BCrypt only reads the first 72 bytes of a password; refuse longer ones rather than ignore their end.
    static final int MAX_PASSWORD_BYTES = 72;
    /** The columns' sizes (users.sql). */
    public static final int MAX_USERNAME = 60;
    public static final int MAX_GROUP = 100;
    public static final int MAX_EMAIL = 320;
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional
    public User add(String username, Role role, char[] password, String displayName, String email) {
        String name = checkUsername(username);
        if (role == null) {
            throw new InvalidInputException("Précisez le rôle : ADMIN, VOLUNTEER ou RESEARCHER.");
        }
        String hash = encoder.encode(checkPassword(password));
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO app_user (username, password_hash, role, display_name, email, enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                .params(name, hash, role.name(), blankToNull(displayName), checkEmail(email),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ConflictException("L'utilisateur « " + name + " » existe déjà. Pour changer son mot de passe : "
                    + "users set-password " + name + ".", Map.of("username", name));
        }
        return find(name).orElseThrow();
    }

    /**
     * Creates an account that nobody can sign in to yet: its password is random and never shown. The person chooses
     * their own through a link ({@link PasswordResets#issue}), so that an administrator never types it.
     */
    @Transactional
    public User create(String username, Role role, String group, String email) {
        String name = checkUsername(username);
        if (role == null) {
            throw new InvalidInputException("Précisez le rôle : ADMIN, VOLUNTEER ou RESEARCHER.", Map.of("field", "role"));
        }
        String groupName = checkGroup(group);
        String address = checkEmail(email);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String hash = encoder.encode(java.util.Base64.getEncoder().encodeToString(secret));
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO app_user (username, password_hash, role, email, enabled, created_at, group_name)
                        VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
                .params(name, hash, role.name(), address, Timestamp.from(clock.instant()), groupName)
                .update();
        if (inserted == 0) {
            throw new ConflictException("Un compte « " + name + " » existe déjà : choisissez un autre nom.",
                    Map.of("username", name, "field", "username"));
        }
        return find(name).orElseThrow();
    }

    /** Every account with when it last signed in (null: never, or before Lanterne kept track). */
    public List<Account> accounts() {
        return jdbc.sql("""
                        SELECT username, role, display_name, email, enabled, created_at, group_name, last_login_at
                        FROM app_user ORDER BY username""")
                .query((rs, n) -> new Account(user(rs), instant(rs.getTimestamp(8))))
                .list();
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("""
                        SELECT username, role, display_name, email, enabled, created_at, group_name, last_login_at
                        FROM app_user WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new Account(user(rs), instant(rs.getTimestamp(8))))
                .optional();
    }

    /** Notes a successful sign-in. */
    public void signedIn(String username) {
        jdbc.sql("UPDATE app_user SET last_login_at = ? WHERE username = ?")
                .params(Timestamp.from(clock.instant()), username).update();
    }

    /**
     * Gives an account another role. The last administrator who can sign in keeps the role: without one, nobody
     * could manage the accounts any more.
     */
    @Transactional
    public void setRole(String username, Role role) {
        if (role == null) {
            throw new InvalidInputException("Précisez le rôle : ADMIN, VOLUNTEER ou RESEARCHER.", Map.of("field", "role"));
        }
        User user = lockAdministrators(username);
        if (role != Role.ADMIN) {
            keepOneAdministrator(user, "lui retirer ce rôle");
        }
        jdbc.sql("UPDATE app_user SET role = ? WHERE username = ?").params(role.name(), user.username()).update();
    }

    /** Changes the email address the links and the digest go to (blank: none). */
    @Transactional
    public void setEmail(String username, String email) {
        if (jdbc.sql("UPDATE app_user SET email = ? WHERE username = ?").params(checkEmail(email), username)
                .update() == 0) {
            throw notFound(username);
        }
    }

    /** A person changes their own password, proving they know the current one. */
    @Transactional
    public void changePassword(String username, char[] current, char[] password) {
        UserCredentials credentials = credentials(username).orElseThrow(() -> notFound(username));
        if (current == null || !encoder.matches(new String(current), credentials.passwordHash())) {
            throw new InvalidInputException("Ce n’est pas votre mot de passe actuel : saisissez-le à nouveau.",
                    Map.of("field", "current"));
        }
        setPassword(credentials.username(), password);
    }

    /** Whether any account exists: without one, nobody can sign in yet. */
    public boolean anyAccount() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    /**
     * Creates the very first account, an administrator, only while there is none: of two people racing to claim
     * it, one wins and the other is refused.
     */
    @Transactional
    public User addFirstAdministrator(String username, char[] password, String email) {
        String name = checkUsername(username);
        String hash = encoder.encode(checkPassword(password));
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, display_name, email, enabled, created_at)
                        SELECT ?, ?, 'ADMIN', NULL, ?, TRUE, ? FROM DUAL
                        WHERE NOT EXISTS (SELECT 1 FROM app_user)""")
                .params(name, hash, checkEmail(email), Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ConflictException("Le premier compte existe déjà : connectez-vous, ou demandez un compte à un·e "
                    + "administrateur·rice.", Map.of("username", name));
        }
        return find(name).orElseThrow();
    }

    @Transactional
    public void setPassword(String username, char[] password) {
        String hash = encoder.encode(checkPassword(password));
        if (jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(hash, username).update() == 0) {
            throw notFound(username);
        }
    }

    @Transactional
    public void setGroup(String username, String group) {
        String name = checkGroup(group);
        if (jdbc.sql("UPDATE app_user SET group_name = ? WHERE username = ?").params(name, username).update() == 0) {
            throw notFound(username);
        }
    }

    /**
     * Whether {@code viewer} may see and follow what {@code owner} started: their own, their group's, or anything
     * for an administrator.
     */
    public boolean canFollow(String viewer, String owner) {
        if (viewer == null) {
            return false;
        }
        if (viewer.equals(owner)) {
            return true;
        }
        Optional<User> who = find(viewer);
        if (who.isEmpty()) {
            return false;
        }
        if (who.get().role() == Role.ADMIN) {
            return true;
        }
        String group = who.get().group();
        return group != null && who.get().role() == Role.VOLUNTEER
                && find(owner).map(User::group).filter(group::equals).isPresent();
    }

    /** The usernames whose requests a viewer follows (their own and their group's). */
    public List<String> followed(String viewer) {
        Optional<User> who = find(viewer);
        if (who.isEmpty() || who.get().group() == null) {
            return List.of(viewer);
        }
        return jdbc.sql("SELECT username FROM app_user WHERE group_name = ? ORDER BY username")
                .param(who.get().group()).query(String.class).list();
    }

    /**
     * Lets an account sign in, or stops it. The last administrator who can sign in stays enabled. A disabled
     * account's pending password links stop working.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        User user = lockAdministrators(username);
        if (!enabled) {
            keepOneAdministrator(user, "le désactiver");
            jdbc.sql("DELETE FROM password_reset WHERE username = ? AND used_at IS NULL").param(user.username()).update();
        }
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, user.username()).update();
    }

    /** The account, after locking every enabled administrator's row: two demotions at once cannot both pass. */
    private User lockAdministrators(String username) {
        jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled FOR UPDATE").query(String.class).list();
        return find(username).orElseThrow(() -> notFound(username));
    }

    private void keepOneAdministrator(User user, String change) {
        if (user.role() != Role.ADMIN || !user.enabled()) {
            return;
        }
        long administrators = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled")
                .query(Long.class).single();
        if (administrators <= 1) {
            throw new ConflictException("« " + user.username() + " » est le dernier compte administrateur actif : "
                    + "impossible de " + change + ". Donnez d’abord le rôle d’administrateur à un autre compte.",
                    Map.of("username", user.username(), "field", "role"));
        }
    }

    public Optional<User> find(String username) {
        return jdbc.sql("SELECT username, role, display_name, email, enabled, created_at, group_name FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> user(rs))
                .optional();
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public List<User> list() {
        return jdbc.sql("SELECT username, role, display_name, email, enabled, created_at, group_name FROM app_user ORDER BY username")
                .query((rs, n) -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /**
     * The secret token of a volunteer's calendar feed URL (calendar apps cannot sign in), created on first use.
     * A new one replaces the old (the old URL stops working) when {@code renew}.
     */
    @Transactional
    public String calendarToken(String username, boolean renew) {
        Optional<String> current = jdbc.sql("SELECT calendar_token FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional();
        if (find(username).isEmpty()) {
            throw notFound(username);
        }
        if (current.isPresent() && current.get() != null && !renew) {
            return current.get();
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("UPDATE app_user SET calendar_token = ? WHERE username = ?").params(token, username).update();
        return token;
    }

    /** The path, on the server, of the calendar feed with this secret. */
    public static String calendarPath(String token) {
        return "/calendar/" + token + ".ics";
    }

    public Optional<User> byCalendarToken(String token) {
        return jdbc.sql("""
                        SELECT username, role, display_name, email, enabled, created_at, group_name FROM app_user
                        WHERE calendar_token = ? AND enabled""")
                .param(token)
                .query((rs, n) -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional();
    }

    /** For signing in only. */
    public Optional<UserCredentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> new UserCredentials(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4)))
                .optional();
    }

    /**
     * The username as stored (lower case), or a refusal that says the rule. Public so that forms check it beside
     * their field before anything is written.
     */
    public static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1," + (MAX_USERNAME - 1) + "}")) {
            throw new InvalidInputException("Nom d'utilisateur « " + username + " » invalide : de 2 à " + MAX_USERNAME
                    + " caractères, lettres sans accent, chiffres, « . », « _ » ou « - ».", Map.of("field", "username"));
        }
        return name;
    }

    /** The password as text, or a refusal that says the rule (length in characters, at most 72 octets). */
    public static String checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("Le mot de passe doit compter au moins " + MIN_PASSWORD_LENGTH
                    + " caractères.", Map.of("field", "password"));
        }
        String text = new String(password);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("Le mot de passe est trop long (" + MAX_PASSWORD_BYTES + " octets au plus).",
                    Map.of("field", "password"));
        }
        return text;
    }

    /** A group's name as stored (null: no group), or a refusal. */
    public static String checkGroup(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String name = group.strip();
        if (name.length() > MAX_GROUP || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("Le nom du collectif doit tenir sur une ligne de " + MAX_GROUP
                    + " caractères au plus.", Map.of("field", "group"));
        }
        return name;
    }

    /** An email address as stored (null: none), or a refusal. */
    public static String checkEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            throw new InvalidInputException("« " + address + " » n’est pas une adresse électronique : elle s’écrit "
                    + "nom@domaine.fr.", Map.of("field", "email"));
        }
        return address;
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("Aucun utilisateur ne s'appelle « " + username + " ».", Map.of("username", username));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

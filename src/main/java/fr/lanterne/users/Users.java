package fr.lanterne.users;

import fr.lanterne.ConflictException;
import fr.lanterne.InvalidInputException;
import fr.lanterne.NotFoundException;
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

    static final int MIN_PASSWORD_LENGTH = 10;
    // BCrypt only reads the first 72 bytes of a password; refuse longer ones rather than ignore their end.
    static final int MAX_PASSWORD_BYTES = 72;

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
                .params(name, hash, role.name(), blankToNull(displayName), blankToNull(email),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ConflictException("L'utilisateur « " + name + " » existe déjà. Pour changer son mot de passe : "
                    + "users set-password " + name + ".", Map.of("username", name));
        }
        return find(name).orElseThrow();
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
                .params(name, hash, blankToNull(email), Timestamp.from(clock.instant()))
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
        String name = group == null || group.isBlank() ? null : group.strip();
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

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        if (jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update() == 0) {
            throw notFound(username);
        }
    }

    public Optional<User> find(String username) {
        return jdbc.sql("SELECT username, role, display_name, email, enabled, created_at, group_name FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional();
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

    private static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new InvalidInputException("Nom d'utilisateur « " + username + " » invalide : de 2 à 60 caractères, "
                    + "lettres sans accent, chiffres, « . », « _ » ou « - ».");
        }
        return name;
    }

    private static String checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("Le mot de passe doit compter au moins " + MIN_PASSWORD_LENGTH + " caractères.");
        }
        String text = new String(password);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("Le mot de passe est trop long (" + MAX_PASSWORD_BYTES + " octets au plus).");
        }
        return text;
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("Aucun utilisateur ne s'appelle « " + username + " ».", Map.of("username", username));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

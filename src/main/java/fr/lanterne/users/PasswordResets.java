package fr.lanterne.users;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to choose a password: for a new account (so that an administrator never types another person's
 * password) and after a forgotten one. The token is shown once; the database keeps only its SHA-256. A link works
 * once, for {@link #VALIDITY}, and a newer link replaces the older ones.
 */
@Service
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofHours(48);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** A link's secret, to put in its address; never stored as such. */
    public record Issued(String username, String token, Instant expiresAt) {
    }

    /** What a token is worth now. Used and unknown tokens look the same, so that a token says nothing of itself. */
    public enum Status { VALID, EXPIRED, INVALID }

    public record Check(Status status, String username) {
    }

    /** A new link for an account that may sign in; older links of that account stop working. */
    @Transactional
    public Issued issue(String username, String issuedBy) {
        User user = users.find(username).orElseThrow(() -> new NotFoundException(
                "Aucun utilisateur ne s'appelle « " + username + " ».", Map.of("username", String.valueOf(username))));
        if (!user.enabled()) {
            throw new InvalidInputException("Le compte « " + user.username() + " » est désactivé : réactivez-le avant "
                    + "d’envoyer un lien.", Map.of("username", user.username()));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        jdbc.sql("DELETE FROM password_reset WHERE username = ? AND used_at IS NULL").param(user.username()).update();
        jdbc.sql("""
                        INSERT INTO password_reset (token_hash, username, created_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(hash(token), user.username(), issuedBy, Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new Issued(user.username(), token, expires);
    }

    public Check check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Check(Status.INVALID, null);
        }
        record Row(String username, Instant expiresAt, boolean used, boolean enabled) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT r.username, r.expires_at, r.used_at IS NOT NULL, u.enabled
                        FROM password_reset r JOIN app_user u ON u.username = r.username WHERE r.token_hash = ?""")
                .param(hash(token))
                .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .optional();
        if (row.isEmpty() || row.get().used() || !row.get().enabled()) {
            return new Check(Status.INVALID, null);
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            return new Check(Status.EXPIRED, row.get().username());
        }
        return new Check(Status.VALID, row.get().username());
    }

    /**
     * Sets the password the link's owner chose, and spends the link: of two uses at once, one wins.
     *
     * @return the account's username
     */
    @Transactional
    public String use(String token, char[] password) {
        Users.checkPassword(password);
        Check check = check(token);
        if (check.status() != Status.VALID) {
            throw refusal(check.status());
        }
        int spent = jdbc.sql("""
                        UPDATE password_reset SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant()))
                .update();
        if (spent == 0) {
            throw refusal(Status.INVALID);
        }
        users.setPassword(check.username(), password);
        return check.username();
    }

    /** The sentence for a link that does not work: the same for a used link as for one that never existed. */
    public static InvalidInputException refusal(Status status) {
        return new InvalidInputException(status == Status.EXPIRED
                ? "Ce lien a expiré : il n’était valable que " + VALIDITY.toHours() + " heures. Demandez-en un nouveau "
                        + "à un·e administrateur·rice."
                : "Ce lien ne permet pas (ou plus) de choisir un mot de passe : il a peut-être déjà servi. Demandez-en "
                        + "un nouveau à un·e administrateur·rice.", Map.of("field", "token"));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

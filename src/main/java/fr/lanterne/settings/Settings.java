package fr.lanterne.settings;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings module's API: the requester identity (who signs the requests) and the public address of Lanterne.
 *
 * <p>The identity lives in the database, set by an administrator on the setup page or with
 * {@code settings identity set}; until it is complete nothing leaves (no email, no letter marked as posted, no
 * campaign): see {@link #requireIdentity(String)}. The configuration's {@code lanterne.requests.requester.*} and
 * {@code lanterne.requests.mailbox} only pre-fill the form.
 */
@Service
public class Settings {

    static final String PUBLIC_URL = "public_url";
    public static final int MAX_PUBLIC_URL = 300;

    private final JdbcClient jdbc;
    private final Environment environment;
    private final Clock clock;

    Settings(JdbcClient jdbc, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    // --- the requester identity --------------------------------------------------------------------------------

    /** The identity letters are signed with; empty until an administrator completed it. */
    public Optional<RequesterIdentity> requesterIdentity() {
        return jdbc.sql("""
                        SELECT kind, surname, given_names, legal_form, denomination, representative_name,
                               representative_title, registered_address, letter_address, mailbox, place
                        FROM requester_identity WHERE id = 1""")
                .query((rs, n) -> new RequesterIdentity(RequesterKind.valueOf(rs.getString("kind")),
                        rs.getString("surname"), rs.getString("given_names"), rs.getString("legal_form"),
                        rs.getString("denomination"), rs.getString("representative_name"),
                        rs.getString("representative_title"), PostalAddress.parse(rs.getString("registered_address")),
                        rs.getString("letter_address") == null ? null
                                : PostalAddress.parse(rs.getString("letter_address")),
                        rs.getString("mailbox"), rs.getString("place")))
                .optional();
    }

    public boolean identityComplete() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM requester_identity WHERE id = 1)").query(Boolean.class).single();
    }

    /**
     * The identity, for something that makes a letter or an email leave.
     *
     * @param what what is refused until then, as the end of a sentence ("envoyer une demande")
     * @throws ConflictException saying what to do, while the identity is not complete
     */
    public RequesterIdentity requireIdentity(String what) {
        return requesterIdentity().orElseThrow(() -> identityMissing(what));
    }

    /**
     * The identity, for drafting a referral to the CADA: complete, with every element CRPA R343-1 requires.
     *
     * @throws ConflictException naming each missing element (details {@code setting=identity}, {@code fields})
     */
    public RequesterIdentity requireReferralIdentity() {
        Optional<RequesterIdentity> identity = requesterIdentity();
        if (identity.isPresent()) {
            return identity.get();
        }
        IdentityDraft draft = identityDraft();
        throw new ConflictException(referralRefusal(draft), Map.of("setting", "identity", "fields",
                String.join(",", draft.referralProblemFields())));
    }

    /**
     * Why no referral to the CADA can be drafted now, naming each R343-1 element the identity lacks; empty once the
     * identity is complete. For callers that must not let {@link #requireReferralIdentity} throw (inside a
     * transaction that would be marked for rollback).
     */
    public Optional<String> referralRefusal() {
        return requesterIdentity().isPresent() ? Optional.empty() : Optional.of(referralRefusal(identityDraft()));
    }

    private static String referralRefusal(IdentityDraft draft) {
        // A configured draft can be complete yet unsaved: the identity still has to be confirmed on its page.
        return draft.referralRefusal().orElse("Impossible de rédiger la saisine de la CADA : l’identité du "
                + "demandeur n’est pas encore enregistrée (CRPA R343-1). Complétez l’identité du demandeur "
                + "(/reglages/identite).");
    }

    /** The refusal of something that needs the identity, while it is not complete. */
    public static ConflictException identityMissing(String what) {
        // "Impossible d’envoyer", "Impossible de lancer": French elides "de" before a vowel.
        String of = "aeiouyéèêàâîôûh".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "d’" : "de ";
        return new ConflictException("Impossible " + of + what + " : l’identité du demandeur (qui signe les demandes, "
                + "son adresse, la boîte des réponses) n’est pas encore complète. Un·e administrateur·rice doit la "
                + "compléter sur la page Réglages › Identité du demandeur (/reglages/identite) ou avec "
                + "« settings identity set ».", Map.of("setting", "identity"));
    }

    /** The form as it stands: the identity saved, else what the configuration suggests. */
    public IdentityDraft identityDraft() {
        return requesterIdentity().map(RequesterIdentity::draft).orElseGet(this::configuredDraft);
    }

    /**
     * Saves the identity, replacing the one before.
     *
     * @throws InvalidInputException naming the first faulty field, when the identity is not complete
     */
    @Transactional
    public RequesterIdentity saveIdentity(IdentityDraft draft, String actor) {
        RequesterIdentity identity = draft.identity();
        jdbc.sql("""
                        INSERT INTO requester_identity (id, kind, surname, given_names, legal_form, denomination,
                            representative_name, representative_title, registered_address, letter_address, mailbox,
                            place, updated_at, updated_by)
                        VALUES (1, :kind, :surname, :givenNames, :legalForm, :denomination, :representativeName,
                            :representativeTitle, :registered, :letter, :mailbox, :place, :at, :actor)
                        ON DUPLICATE KEY UPDATE kind = VALUES(kind), surname = VALUES(surname),
                            given_names = VALUES(given_names), legal_form = VALUES(legal_form),
                            denomination = VALUES(denomination), representative_name = VALUES(representative_name),
                            representative_title = VALUES(representative_title),
                            registered_address = VALUES(registered_address), letter_address = VALUES(letter_address),
                            mailbox = VALUES(mailbox), place = VALUES(place), updated_at = VALUES(updated_at),
                            updated_by = VALUES(updated_by)""")
                .param("kind", identity.kind().name())
                .param("surname", identity.surname())
                .param("givenNames", identity.givenNames())
                .param("legalForm", identity.legalForm())
                .param("denomination", identity.denomination())
                .param("representativeName", identity.representativeName())
                .param("representativeTitle", identity.representativeTitle())
                .param("registered", identity.registeredAddress().text())
                .param("letter", identity.letterAddress() == null ? null : identity.letterAddress().text())
                .param("mailbox", identity.mailbox())
                .param("place", identity.place())
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .update();
        return identity;
    }

    /** Forgets the identity: nothing leaves until one is set again. */
    public void clearIdentity() {
        jdbc.sql("DELETE FROM requester_identity WHERE id = 1").update();
    }

    /** What the configuration file says, as a form to complete: a placeholder value is no suggestion. */
    IdentityDraft configuredDraft() {
        String name = property("lanterne.requests.requester.name");
        if (name != null && name.equalsIgnoreCase(IdentityDraft.PLACEHOLDER_NAME)) {
            name = null;
        }
        String address = property("lanterne.requests.requester.postal-address");
        String mailbox = property("lanterne.requests.mailbox");
        if (IdentityDraft.invalidDomain(mailbox)) {
            mailbox = null;
        }
        String place = property("lanterne.requests.requester.place");
        // One name in the configuration, for either kind: its last word as a surname, or the whole as a dénomination.
        String surname = null;
        String givenNames = null;
        if (name != null) {
            int space = name.lastIndexOf(' ');
            surname = space < 0 ? name : name.substring(space + 1);
            givenNames = space < 0 ? null : name.substring(0, space);
        }
        String lines = address == null ? null : PostalAddress.problem(address).isEmpty()
                ? PostalAddress.parse(address).text() : address.replace(" / ", "\n");
        return new IdentityDraft(RequesterKind.NATURAL_PERSON.name(), surname, givenNames, lines, null, name, lines,
                null, null, null, mailbox, place);
    }

    // --- the public address ------------------------------------------------------------------------------------

    /**
     * The address at which volunteers reach Lanterne, as an administrator set it on the setup page, if any. Links
     * take it through {@code users.PublicAddress}, which falls back on {@code lanterne.web.public-url} and on the
     * address the server was reached at.
     */
    public Optional<URI> storedPublicUrl() {
        return jdbc.sql("SELECT value FROM app_setting WHERE name = ?").param(PUBLIC_URL).query(String.class)
                .optional().map(URI::create);
    }

    /**
     * Sets the public address; blank forgets it.
     *
     * @throws InvalidInputException (field {@code publicUrl}) when it is not an http(s) address
     */
    @Transactional
    public Optional<URI> savePublicUrl(String url, String actor) {
        if (url == null || url.isBlank()) {
            jdbc.sql("DELETE FROM app_setting WHERE name = ?").param(PUBLIC_URL).update();
            return Optional.empty();
        }
        URI uri = parsePublicUrl(url);
        jdbc.sql("""
                        INSERT INTO app_setting (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at),
                            updated_by = VALUES(updated_by)""")
                .params(PUBLIC_URL, uri.toString(), Timestamp.from(clock.instant()), actor)
                .update();
        return Optional.of(uri);
    }

    /** An absolute http(s) address without query nor fragment, its trailing slash removed. */
    public static URI parsePublicUrl(String text) {
        String value = text.strip();
        Map<String, Object> field = Map.of("field", "publicUrl");
        if (value.length() > MAX_PUBLIC_URL) {
            throw new InvalidInputException("L’adresse publique est trop longue : " + MAX_PUBLIC_URL
                    + " caractères au plus.", field);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("« " + value + " » n’est pas une adresse web : écrivez-la comme "
                    + "https://lanterne.exemple.org.", field);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
            throw new InvalidInputException("« " + value + " » n’est pas une adresse web complète : elle commence par "
                    + "https:// puis le nom du serveur (https://lanterne.exemple.org).", field);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("L’adresse publique est celle de l’accueil de Lanterne, sans « ? » ni "
                    + "« # » : https://lanterne.exemple.org.", field);
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return URI.create(normalized);
    }

    private String property(String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

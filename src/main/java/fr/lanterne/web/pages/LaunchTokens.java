package fr.lanterne.web.pages;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.util.WebUtils;

/**
 * The one-time tokens of a visitor's "launch" and "send" buttons, kept in their HTTP session. A preview (a dry run,
 * the letters of a town's request) issues a token for what it showed; launching with that token launches once: the
 * same token again (a double click, a form sent twice, the back button) finds what the first launch made, even while
 * it is still under way. What was launched is named by a string: a campaign's id, the page showing the requests.
 */
final class LaunchTokens implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_ATTRIBUTE = LaunchTokens.class.getName();
    /** Enough for a few tabs; the oldest token is forgotten first. */
    private static final int KEPT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token was issued for, and what was launched with it. */
    private static final class Ticket implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String fingerprint;
        /** Written holding the ticket: a launch with this token holds it until what it makes exists. */
        private volatile String launched;

        private Ticket(String fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    enum Status {
        /** Launched by this call. */
        LAUNCHED,
        /** Launched earlier with the same token. */
        ALREADY_LAUNCHED,
        /** Never issued, or forgotten (a new session after the old one expired). */
        UNKNOWN,
        /** Issued for another campaign than the one sent: the form was changed after the dry run. */
        CHANGED
    }

    /** @param launched what the launch made (null when nothing was launched) */
    record Redemption(Status status, String launched) {
    }

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();

    static LaunchTokens of(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            LaunchTokens tokens = (LaunchTokens) session.getAttribute(SESSION_ATTRIBUTE);
            if (tokens == null) {
                tokens = new LaunchTokens();
                session.setAttribute(SESSION_ATTRIBUTE, tokens);
            }
            return tokens;
        }
    }

    /** A digest of what a dry run showed, so that a launch can check it launches the same thing. */
    static String fingerprint(Object campaign) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(campaign.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A token for a dry run: the unused one already issued for the same campaign, or a new one. */
    synchronized String issue(String fingerprint) {
        for (Map.Entry<String, Ticket> entry : tickets.entrySet()) {
            if (entry.getValue().launched == null && entry.getValue().fingerprint.equals(fingerprint)) {
                return entry.getKey();
            }
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(token, new Ticket(fingerprint));
        Iterator<String> oldest = tickets.keySet().iterator();
        while (tickets.size() > KEPT) {
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    /** What was launched with this token, if anything. */
    Optional<String> launched(String token) {
        Ticket ticket = ticket(token);
        if (ticket == null) {
            return Optional.empty();
        }
        synchronized (ticket) {
            return Optional.ofNullable(ticket.launched);
        }
    }

    /**
     * Launches with a token: {@code launch} runs at most once per token. A second call with the same token waits
     * for the first to finish and answers what it made.
     *
     * @param launch makes what the form asks for and names it; if it throws, the token stays unused
     */
    Redemption redeem(String token, String fingerprint, Supplier<String> launch) {
        Ticket ticket = ticket(token);
        if (ticket == null) {
            return new Redemption(Status.UNKNOWN, null);
        }
        synchronized (ticket) {
            if (ticket.launched != null) {
                return new Redemption(Status.ALREADY_LAUNCHED, ticket.launched);
            }
            if (!ticket.fingerprint.equals(fingerprint)) {
                return new Redemption(Status.CHANGED, null);
            }
            ticket.launched = launch.get();
            return new Redemption(Status.LAUNCHED, ticket.launched);
        }
    }

    private synchronized Ticket ticket(String token) {
        return token == null ? null : tickets.get(token);
    }
}

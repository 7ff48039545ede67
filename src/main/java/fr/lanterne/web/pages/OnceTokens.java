package fr.lanterne.web.pages;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * One-time tokens for the forms whose double submission would do something twice (sending requests, launching a
 * campaign). The page carries a token; the first POST with it wins, any other gets where the first one went.
 * Tokens live in the session: when it expires, the form is shown again to be confirmed.
 */
@Component
class OnceTokens {

    private static final String ATTRIBUTE = OnceTokens.class.getName();
    private static final String PENDING = "";
    private static final String IN_PROGRESS = "…";
    private static final int MAX_PER_SESSION = 200;

    private final SecureRandom random = new SecureRandom();

    /** What a POST with a token may do. */
    sealed interface Claim {
    }

    /** The first use: go ahead, then {@link #done} with where the result is. */
    record First() implements Claim {
    }

    /** Used already: the first use is running, or finished with this result (a path), or null if still running. */
    record Again(String result) implements Claim {
    }

    /** Unknown token: the session expired, or the form was never issued. */
    record Unknown() implements Claim {
    }

    String issue(HttpSession session) {
        Map<String, String> tokens = tokens(session);
        if (tokens.size() >= MAX_PER_SESSION) {
            tokens.clear();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, PENDING);
        return token;
    }

    Claim claim(HttpSession session, String token) {
        if (token == null) {
            return new Unknown();
        }
        Map<String, String> tokens = tokens(session);
        if (tokens.replace(token, PENDING, IN_PROGRESS)) {
            return new First();
        }
        String state = tokens.get(token);
        if (state == null) {
            return new Unknown();
        }
        return new Again(IN_PROGRESS.equals(state) ? null : state);
    }

    void done(HttpSession session, String token, String result) {
        tokens(session).put(token, result);
    }

    /** The first use failed before doing anything: the same form may be sent again. */
    void release(HttpSession session, String token) {
        tokens(session).replace(token, IN_PROGRESS, PENDING);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tokens(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object tokens = session.getAttribute(ATTRIBUTE);
            if (tokens == null) {
                tokens = new ConcurrentHashMap<String, String>();
                session.setAttribute(ATTRIBUTE, tokens);
            }
            return (Map<String, String>) tokens;
        }
    }
}

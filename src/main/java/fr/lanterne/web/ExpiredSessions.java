package fr.lanterne.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent after the session expired carries a token the server no longer knows. Rather than a bare "403", the
 * volunteer is asked to sign in again and brought back to the page they were on, where the browser fills in what
 * they had typed (static/js/lanterne.js keeps it).
 */
final class ExpiredSessions {

    /** The login form's field naming the page to go back to. */
    static final String CONTINUE = "continue";

    private ExpiredSessions() {
    }

    static AccessDeniedHandler accessDeniedHandler() {
        AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (exception instanceof CsrfException && request.getUserPrincipal() == null) {
                String back = localPath(request.getHeader("Referer"), request);
                response.sendRedirect(request.getContextPath() + "/login?expired"
                        + (back == null ? "" : "&" + CONTINUE + "=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
                return;
            }
            refusal.handle(request, response, exception);
        };
    }

    /** After login: back to the page named by the form, if it is one of Lanterne's own; otherwise as usual. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
                String target = request.getParameter(CONTINUE);
                return isLocalPath(target) ? target : getDefaultTargetUrl();
            }
        };
        handler.setTargetUrlParameter(CONTINUE);
        return handler;
    }

    /** The path and query of a Referer on this server, or null. */
    static String localPath(String referer, HttpServletRequest request) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return isLocalPath(path) && !path.startsWith("/login") ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A path of this site: no scheme, no other host ("//evil.example"), no backslash trick. */
    static boolean isLocalPath(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.contains("\\")
                && !target.contains("\r") && !target.contains("\n");
    }
}

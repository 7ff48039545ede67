package fr.lanterne.web;

import fr.lanterne.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every change made through the pages or the API (every request that is not a read): who, when, which
 * address, with what result. The changes themselves are kept by each module (timelines, histories); this log says
 * who did what, in one place. Secrets that travel in addresses (the installation token, a calendar's secret address,
 * any other token) are masked: the log is read by every administrator and kept for long.
 */
@Component
class AuditLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditLogFilter.class);

    static final String MASKED = "…";
    /** Query parameters that carry a secret, by name (French and English). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)(?<=^|&)((?:[a-z0-9]*[_.-])?(?:jeton|token|secret|password|mot_?de_?passe|mdp|cle|key|signature)=)"
                    + "[^&]*");
    /** A path segment that looks like a random token (URL-safe Base64, 22 characters or more; not a SHA-256). */
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("(?<=/)([A-Za-z0-9_-]{22,})(?=$|/|\\.)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final AuditLog auditLog;

    AuditLogFilter(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus());
        }
    }

    private void record(HttpServletRequest request, int status) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String user = authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName()) ? null : authentication.getName();
        String path = withoutSecrets(request.getRequestURI(), request.getQueryString());
        // A password link is a secret until it is spent: the log keeps where it led, not the link.
        path = path.replaceFirst("/mot-de-passe/[^/?]+", "/mot-de-passe/…");
        try {
            Object detail = request.getAttribute(AuditDetail.ATTRIBUTE);
            auditLog.record(user, request.getMethod(), path, status, request.getRemoteAddr(),
                    detail == null ? null : detail.toString());
        } catch (RuntimeException e) {
            log.error("Could not write the audit log for {} {} by {}", request.getMethod(), path, user, e);
        }
    }

    /** The path and query as logged: the values of secret parameters and token-like path segments masked. */
    static String withoutSecrets(String path, String query) {
        Matcher segments = TOKEN_SEGMENT.matcher(path);
        StringBuilder masked = new StringBuilder();
        while (segments.find()) {
            String segment = segments.group(1);
            segments.appendReplacement(masked, HEX.matcher(segment).matches() ? segment : MASKED);
        }
        segments.appendTail(masked);
        if (query != null) {
            masked.append('?').append(SECRET_PARAMETER.matcher(query).replaceAll("$1" + MASKED));
        }
        return masked.toString();
    }
}

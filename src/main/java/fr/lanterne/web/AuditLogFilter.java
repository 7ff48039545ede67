package fr.lanterne.web;

import fr.lanterne.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every change made through the pages or the API (every request that is not a read): who, when, which
 * address, with what result. The changes themselves are kept by each module (timelines, histories); this log says
 * who did what, in one place.
 */
@Component
class AuditLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditLogFilter.class);

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
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
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
}

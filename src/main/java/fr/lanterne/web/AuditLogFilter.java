package fr.lanterne.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLogFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
                || "anonymousUser".equals(authentication.getName()) ? "anonyme" : authentication.getName();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            jdbc.sql("INSERT INTO audit_log (at, username, method, path, status, remote) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(clock.instant()), user, request.getMethod(),
                            path.length() > 1000 ? path.substring(0, 1000) : path, status, request.getRemoteAddr())
                    .update();
        } catch (RuntimeException e) {
            log.error("Could not write the audit log for {} {} by {}", request.getMethod(), path, user, e);
        }
    }
}

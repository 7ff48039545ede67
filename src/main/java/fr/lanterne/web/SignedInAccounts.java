package fr.lanterne.web;

import fr.lanterne.users.UserCredentials;
import fr.lanterne.users.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers the role its account had when it signed in. Disabling an account, or changing its role, must
 * not wait for that session to expire: each page request checks the account as it is now, and a session whose
 * account was disabled or given another role ends (the person signs in again, with the new role).
 */
final class SignedInAccounts extends OncePerRequestFilter {

    private final Users users;

    SignedInAccounts(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && !current(authentication)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean current(Authentication authentication) {
        Optional<UserCredentials> account = users.credentials(authentication.getName());
        return account.isPresent() && account.get().enabled() && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + account.get().role().name()).equals(a.getAuthority()));
    }
}

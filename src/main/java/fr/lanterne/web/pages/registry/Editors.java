package fr.lanterne.web.pages.registry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who may change the registry from the pages: volunteers and administrators (the security rules say the same). */
final class Editors {

    private Editors() {
    }

    static boolean canEdit(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_VOLUNTEER") || a.equals("ROLE_ADMIN"));
    }
}

package fr.lanterne.web;

import java.security.Principal;
import java.util.List;
import fr.lanterne.users.Users;
import org.springframework.stereotype.Component;

/** What the signed-in person may see: the requests they follow. */
@Component
public class CurrentUser {

    private final Users users;

    CurrentUser(Users users) {
        this.users = users;
    }

    /** The owners whose requests this person follows; null for an administrator (everyone's). */
    public List<String> followedOwners(Principal principal) {
        if (principal == null) {
            return List.of();
        }
        boolean admin = users.find(principal.getName()).map(u -> u.role() == fr.lanterne.users.Role.ADMIN)
                .orElse(false);
        return admin ? null : users.followed(principal.getName());
    }

    public boolean canFollow(Principal principal, String owner) {
        return principal != null && users.canFollow(principal.getName(), owner);
    }
}

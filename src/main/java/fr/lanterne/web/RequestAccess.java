package fr.lanterne.web;

import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.users.Role;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import java.security.Principal;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Which requests a signed-in person may see and act on: an administrator all of them, a volunteer their own and
 * their group's. A request one may not see answers exactly as one that does not exist, so that references cannot
 * be probed.
 */
@Component
public class RequestAccess {

    private final Users users;
    private final Requests requests;

    RequestAccess(Users users, Requests requests) {
        this.users = users;
        this.requests = requests;
    }

    /** The owners whose requests this person follows; null for an administrator (everyone's). */
    public List<String> followedOwners(Principal principal) {
        User user = user(principal);
        if (user == null || user.role() == Role.RESEARCHER) {
            return List.of();
        }
        return user.role() == Role.ADMIN ? null : users.followed(user.username());
    }

    public boolean mayFollow(Principal principal, String owner) {
        User user = user(principal);
        return user != null && user.role() != Role.RESEARCHER && users.canFollow(user.username(), owner);
    }

    /**
     * Whether this person may act on a request, as a test to hand to another module (an upload matched by the
     * references its text quotes). The person is looked up once, here, not once per request tested.
     */
    public Predicate<RequestDetails> mayActOn(Principal principal) {
        User user = user(principal);
        if (user == null || user.role() == Role.RESEARCHER) {
            return request -> false;
        }
        if (user.role() == Role.ADMIN) {
            return request -> true;
        }
        List<String> owners = users.followed(user.username());
        return request -> owners.contains(request.owner());
    }

    /** The request, if this person may follow it; otherwise "not found". */
    public RequestDetails request(Principal principal, RequestReference reference) {
        RequestDetails details = requests.find(reference).orElse(null);
        if (details == null || !mayFollow(principal, details.owner())) {
            throw Requests.notFound(reference);
        }
        return details;
    }

    private User user(Principal principal) {
        return principal == null ? null : users.find(principal.getName()).orElse(null);
    }
}

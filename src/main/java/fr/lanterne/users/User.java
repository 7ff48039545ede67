package fr.lanterne.users;

import java.time.Instant;

/**
 * A person who signs in to Lanterne (the password hash stays inside this module's store).
 *
 * @param group the local collective the volunteer belongs to: members of one group follow each other's requests
 */
public record User(String username, Role role, String displayName, String email, boolean enabled, Instant createdAt,
                   String group) {

    public String label() {
        return displayName == null ? username : displayName;
    }
}

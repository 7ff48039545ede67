package fr.lanterne.users;

import java.time.Instant;

/** A person who signs in to Lanterne (the password hash stays inside this module's store). */
public record User(String username, Role role, String displayName, String email, boolean enabled, Instant createdAt) {
}

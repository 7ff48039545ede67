package fr.lanterne.users;

/** What signing in checks: the stored hash (never the password) and whether the account may sign in. */
public record UserCredentials(String username, String passwordHash, Role role, boolean enabled) {
}

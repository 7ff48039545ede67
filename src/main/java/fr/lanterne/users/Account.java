package fr.lanterne.users;

import java.time.Instant;

/**
 * An account as its administrators see it.
 *
 * @param lastSignIn when the person last signed in through the login form; null if never (or not since Lanterne
 *                   started keeping it)
 */
public record Account(User user, Instant lastSignIn) {
}

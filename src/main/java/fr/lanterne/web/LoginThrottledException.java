package fr.lanterne.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in is suspended for this account or from this address: the password was not even checked. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Sign-in suspended for " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header counts them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes, rounded up, for a sentence. */
    long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}

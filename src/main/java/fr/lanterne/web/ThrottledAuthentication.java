package fr.lanterne.web;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password only when sign-in is not suspended for the account or the client address ({@link LoginThrottle}),
 * and tells the throttle how it went. The form and HTTP Basic both come through here.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        if (!throttle.enabled()) {
            return passwords.authenticate(attempt);
        }
        String username = attempt.getName();
        String address = address(attempt);
        Optional<Duration> suspended = throttle.begin(username, address);
        if (suspended.isPresent()) {
            throw new LoginThrottledException(suspended.get());
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            // Counted before it stops being under way, so that no waiting attempt slips in between.
            LoginThrottle.Failure failure = throttle.failed(username, address);
            throttle.ended(username, address);
            pause(failure.delay());
            throw wrong;
        } catch (RuntimeException other) {
            throttle.ended(username, address);
            throw other;
        }
        throttle.ended(username, address);
        throttle.succeeded(username);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** The form and Basic filters both attach the request's details, with the client's address. */
    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "inconnue";
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package fr.lanterne.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-ins are throttled against password guessing ({@link LoginThrottle}): after a few failures for one account,
 * or from one client address, each further failure waits a little longer, then signing in is refused for a while.
 *
 * @param throttling        false turns throttling off (only for a benchmark's baseline; never in real use)
 * @param accountFailures   failures for one account (whatever the address) that suspend its sign-in
 * @param addressFailures   failures from one client address (whatever the account) that suspend sign-ins from it;
 *                          higher than for an account, as many volunteers may share one office's address
 * @param lockDuration      how long sign-in stays suspended; also how long a failure is remembered (failures further
 *                          apart than this never add up)
 * @param failureDelay      the wait added to each failure after the first: the n-th failure is answered after
 *                          (n - 1) times this
 * @param trackedKeys       at most this many accounts and as many addresses are remembered (the least recently seen
 *                          are forgotten first), so that a spray of made-up names cannot fill the memory
 */
@ConfigurationProperties("lanterne.login")
record LoginProperties(@DefaultValue("true") boolean throttling,
                              @DefaultValue("5") int accountFailures,
                              @DefaultValue("20") int addressFailures,
                              @DefaultValue("15m") Duration lockDuration,
                              @DefaultValue("250ms") Duration failureDelay,
                              @DefaultValue("10000") int trackedKeys) {

    public LoginProperties {
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("lanterne.login.account-failures and address-failures must be at least "
                    + "1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || failureDelay.isNegative()) {
            throw new IllegalArgumentException("lanterne.login.lock-duration must be positive, failure-delay not "
                    + "negative");
        }
        if (trackedKeys < 100) {
            throw new IllegalArgumentException("lanterne.login.tracked-keys must be at least 100");
        }
    }
}

package fr.lanterne.web;

import fr.lanterne.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address, and suspends sign-in for a while once either has failed
 * too often ({@link LoginProperties}). Failures and suspensions are written to the audit log; refusals while suspended
 * are not (they are what an attacker sends by the thousand), nor are successes, which only reset the account's count.
 *
 * <p>Kept in memory, per instance: a lookup costs nothing beside checking the password, and a restart forgets at worst
 * one lock. With several instances behind a load balancer each counts on its own, so an attacker gets the allowance
 * once per instance; a table in the shared database would close that at the cost of a write per failure (a change
 * to make when running several instances, with the same rules).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** The audit log's username column. */
    private static final int MAX_NAME = 100;

    /** Where failures and suspensions are written: the audit log. */
    interface Trail {
        void record(String username, String what, String detail, int status, String address);
    }

    private final LoginProperties properties;
    private final Trail trail;
    /** How long an attempt waits while as many others as the limit allows are being checked. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** The wait then asked of it. */
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, Tally> accounts;
    private final Map<String, Tally> addresses;

    @Autowired
    LoginThrottle(LoginProperties properties, AuditLog auditLog, Clock clock) {
        this(properties, auditLog::record, clock);
    }

    LoginThrottle(LoginProperties properties, Trail trail, Clock clock) {
        this.properties = properties;
        this.trail = trail;
        this.clock = clock;
        this.accounts = boundedMap(properties.trackedKeys());
        this.addresses = boundedMap(properties.trackedKeys());
    }

    /** One account's or one address's recent failures, and until when it is suspended. */
    private static final class Tally {
        int failures;
        /** Passwords being checked right now: parallel guesses count before their answer is known. */
        int underWay;
        Instant lastFailure;
        Instant lockedUntil;
    }

    /** A failure was recorded: how long to wait before answering, and whether it suspended sign-in. */
    record Failure(Duration delay, boolean locked) {
    }

    boolean enabled() {
        return properties.throttling();
    }

    /** How long sign-in stays suspended for this account or from this address; empty when it may be tried. */
    synchronized Optional<Duration> suspended(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(username)), now);
        Duration from = remaining(addresses.get(address), now);
        Duration longest = account.compareTo(from) >= 0 ? account : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * Before a password is checked: empty when it may be, and the attempt then counts as under way until
     * {@link #ended}; otherwise how long sign-in is suspended. Attempts under way count with the failures, so that a
     * burst of parallel guesses gets no more tries than one after another: an attempt beyond the limit waits for
     * those under way to be answered (a client sending many requests at once with the right password only waits),
     * and is refused for a second after {@link #PATIENCE}.
     */
    Optional<Duration> begin(String username, String address) {
        return begin(username, address, PATIENCE);
    }

    synchronized Optional<Duration> begin(String username, String address, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Duration> suspended = suspended(username, address);
            if (suspended.isPresent()) {
                return suspended;
            }
            Instant now = clock.instant();
            Tally account = accounts.computeIfAbsent(key(username), k -> new Tally());
            Tally from = addresses.computeIfAbsent(address, k -> new Tally());
            if (recent(account, now) + account.underWay < properties.accountFailures()
                    && recent(from, now) + from.underWay < properties.addressFailures()) {
                account.underWay++;
                from.underWay++;
                return Optional.empty();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.of(BUSY);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(BUSY);
            }
        }
    }

    /** The password of an attempt {@link #begin begun} was checked, whatever the outcome. */
    synchronized void ended(String username, String address) {
        for (Tally tally : new Tally[] {accounts.get(key(username)), addresses.get(address)}) {
            if (tally != null && tally.underWay > 0) {
                tally.underWay--;
            }
        }
        notifyAll();
    }

    /** A wrong password (or an unknown name) for this account from this address. */
    Failure failed(String username, String address) {
        Instant now = clock.instant();
        int accountCount;
        boolean accountLocked;
        boolean addressLocked;
        synchronized (this) {
            Tally account = accounts.computeIfAbsent(key(username), k -> new Tally());
            Tally from = addresses.computeIfAbsent(address, k -> new Tally());
            accountCount = count(account, now);
            accountLocked = lockIfDue(account, properties.accountFailures(), accountCount, now);
            addressLocked = lockIfDue(from, properties.addressFailures(), count(from, now), now);
        }
        String name = shortened(username);
        String minutes = minutes(properties.lockDuration());
        audit(name, "LOGIN", "connexion refusée : nom d’utilisateur ou mot de passe incorrect (échec n° " + accountCount
                + " pour ce compte)", 401, address);
        if (accountLocked) {
            audit(name, "LOCK", "connexion suspendue " + minutes + " pour ce compte après "
                    + properties.accountFailures() + " échecs", 429, address);
        }
        if (addressLocked) {
            audit(name, "LOCK", "connexion suspendue " + minutes + " depuis l’adresse " + address + " après "
                    + properties.addressFailures() + " échecs", 429, address);
        }
        return new Failure(properties.failureDelay().multipliedBy(Math.max(0, accountCount - 1)),
                accountLocked || addressLocked);
    }

    /** A successful sign-in: the account's failures are forgotten (not the address's, which other accounts share). */
    synchronized void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** The failures that still count (those older than the lock duration are forgotten). */
    private int recent(Tally tally, Instant now) {
        return tally.lastFailure != null && tally.lastFailure.plus(properties.lockDuration()).isBefore(now)
                ? 0 : tally.failures;
    }

    /** Counts one more failure, forgetting those older than the lock duration; the new count. */
    private int count(Tally tally, Instant now) {
        if (tally.lastFailure != null && tally.lastFailure.plus(properties.lockDuration()).isBefore(now)) {
            tally.failures = 0;
        }
        tally.failures++;
        tally.lastFailure = now;
        return tally.failures;
    }

    private boolean lockIfDue(Tally tally, int limit, int count, Instant now) {
        if (count < limit) {
            return false;
        }
        tally.failures = 0;
        tally.lockedUntil = now.plus(properties.lockDuration());
        return true;
    }

    private static Duration remaining(Tally tally, Instant now) {
        if (tally == null || tally.lockedUntil == null || !tally.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, tally.lockedUntil);
    }

    private void audit(String username, String what, String detail, int status, String address) {
        try {
            trail.record(username, what, detail, status, address);
        } catch (RuntimeException e) {
            log.error("Could not write the audit log for a failed sign-in of {}", username, e);
        }
    }

    /** Accounts are one whatever the case or spacing typed ("Alice ", "alice"), as the database compares them. */
    private static String key(String username) {
        return shortened(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String shortened(String username) {
        String name = username == null || username.isBlank() ? "(vide)" : username;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }

    /** Least recently used first out, once full. */
    private static Map<String, Tally> boundedMap(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many accounts and addresses are remembered (for tests of the bound). */
    synchronized int tracked() {
        return accounts.size() + addresses.size();
    }
}

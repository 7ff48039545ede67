package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginProperties SETTINGS = new LoginProperties(true, 5, 20, Duration.ofMinutes(15),
            Duration.ofMillis(250), 1_000);

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final Hands clock = new Hands();
    private final List<String> trail = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(SETTINGS,
            (username, what, detail, status, address) -> trail.add(what + " " + username + " " + status + " " + detail),
            clock);

    @Test
    void five_failures_for_an_account_suspend_it_for_the_lock_duration_whatever_the_address() {
        for (int i = 1; i <= 4; i++) {
            LoginThrottle.Failure failure = throttle.failed("alice", "10.0.0." + i);
            assertThat(failure.locked()).isFalse();
            assertThat(failure.delay()).as("the n-th failure waits (n - 1) × 250 ms")
                    .isEqualTo(Duration.ofMillis(250L * (i - 1)));
            assertThat(throttle.suspended("alice", "10.0.0.9")).isEmpty();
        }
        assertThat(throttle.failed("Alice ", "10.0.0.5").locked()).as("one account, whatever the case typed").isTrue();

        assertThat(throttle.suspended("alice", "192.0.2.1")).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.suspended("bob", "10.0.0.1")).as("other accounts, same addresses").isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.suspended("alice", "192.0.2.1")).hasValue(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.suspended("alice", "192.0.2.1")).isEmpty();

        assertThat(trail).filteredOn(line -> line.startsWith("LOGIN alice 401")).hasSize(4);
        assertThat(trail).filteredOn(line -> line.startsWith("LOCK ")).singleElement().asString()
                .contains("429").contains("connexion suspendue 15 min pour ce compte après 5 échecs");
    }

    @Test
    void parallel_guesses_get_no_more_tries_than_one_after_another() throws Exception {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.begin("alice", "10.0.0." + (10 + i))).as("try %d under way", i).isEmpty();
        }
        assertThat(throttle.begin("alice", "10.0.0.20", Duration.ofMillis(50)))
                .as("two failures and three checks under way: it waits, then is asked to retry")
                .hasValue(Duration.ofSeconds(1));
        assertThat(throttle.begin("bob", "10.0.0.22")).as("other accounts").isEmpty();

        java.util.concurrent.CompletableFuture<Optional<Duration>> waiting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> throttle.begin("alice", "10.0.0.21", Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(waiting).as("waits while the three are checked").isNotDone();
        throttle.ended("alice", "10.0.0.10");
        assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("one answer came back: its turn")
                .isEmpty();
    }

    @Test
    void twenty_failures_from_one_address_suspend_it_for_every_account() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed("name-" + i, "203.0.113.7").locked()).isFalse();
        }
        assertThat(throttle.failed("name-19", "203.0.113.7").locked()).isTrue();
        assertThat(throttle.suspended("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.suspended("someone-else", "203.0.113.8")).isEmpty();
        assertThat(trail).anySatisfy(line -> assertThat(line).contains("depuis l’adresse 203.0.113.7"));
    }

    @Test
    void a_success_clears_the_accounts_count_but_not_the_addresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        assertThat(throttle.failed("alice", "10.0.0.1").delay()).as("counting again from one").isZero();
        for (int i = 0; i < 15; i++) {
            throttle.failed("user-" + i, "10.0.0.1");
        }
        assertThat(throttle.suspended("anyone", "10.0.0.1")).as("4 + 1 + 15 = 20 from the address").isPresent();
    }

    @Test
    void failures_further_apart_than_the_lock_duration_never_add_up() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("alice", "10.0.0.1").locked()).isFalse();
            clock.advance(Duration.ofMinutes(16));
        }
        assertThat(throttle.suspended("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_spray_of_made_up_names_from_many_addresses_cannot_fill_the_memory() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("made-up-" + i, "198.51." + (i / 256 % 256) + "." + (i % 256));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * SETTINGS.trackedKeys());
    }

    @Test
    void a_name_longer_than_the_audit_column_is_cut() {
        throttle.failed("x".repeat(5_000), "10.0.0.1");
        assertThat(trail.get(0).split(" ")[1]).hasSize(100);
    }
}

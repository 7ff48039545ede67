package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LaunchTokensTest {

    private final LaunchTokens tokens = new LaunchTokens();

    @Test
    void a_token_launches_once_and_then_answers_the_campaign_it_launched() {
        String token = tokens.issue("plan-a");
        AtomicInteger launches = new AtomicInteger();

        LaunchTokens.Redemption first = tokens.redeem(token, "plan-a", () -> String.valueOf(40 + launches.incrementAndGet()));
        LaunchTokens.Redemption second = tokens.redeem(token, "plan-a", () -> String.valueOf(40 + launches.incrementAndGet()));

        assertThat(first).isEqualTo(new LaunchTokens.Redemption(LaunchTokens.Status.LAUNCHED, "41"));
        assertThat(second).isEqualTo(new LaunchTokens.Redemption(LaunchTokens.Status.ALREADY_LAUNCHED, "41"));
        assertThat(launches).hasValue(1);
        assertThat(tokens.launched(token)).contains("41");
    }

    @Test
    void a_double_click_waits_for_the_first_launch_and_launches_nothing() throws Exception {
        String token = tokens.issue("plan-a");
        AtomicInteger launches = new AtomicInteger();
        CountDownLatch bothSent = new CountDownLatch(2);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            List<Future<LaunchTokens.Redemption>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> {
                    bothSent.countDown();
                    bothSent.await();
                    return tokens.redeem(token, "plan-a", () -> {
                        sleep(200); // creating a campaign takes a while: the second click arrives meanwhile
                        return String.valueOf(7 + launches.incrementAndGet());
                    });
                }));
            }
            List<LaunchTokens.Status> statuses = new ArrayList<>();
            for (Future<LaunchTokens.Redemption> answer : answers) {
                LaunchTokens.Redemption redemption = answer.get(10, TimeUnit.SECONDS);
                assertThat(redemption.launched()).isEqualTo("8");
                statuses.add(redemption.status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(LaunchTokens.Status.LAUNCHED,
                    LaunchTokens.Status.ALREADY_LAUNCHED);
            assertThat(launches).hasValue(1);
        } finally {
            clicks.shutdownNow();
        }
    }

    @Test
    void a_token_does_not_launch_a_campaign_changed_after_the_dry_run() {
        String token = tokens.issue("plan-a");

        assertThat(tokens.redeem(token, "plan-b", () -> "1").status()).isEqualTo(LaunchTokens.Status.CHANGED);
        assertThat(tokens.launched(token)).isEmpty();
        assertThat(tokens.redeem(token, "plan-a", () -> "2").status()).isEqualTo(LaunchTokens.Status.LAUNCHED);
    }

    @Test
    void an_unknown_or_missing_token_launches_nothing() {
        assertThat(tokens.redeem("never-issued", "plan-a", () -> "1").status())
                .isEqualTo(LaunchTokens.Status.UNKNOWN);
        assertThat(tokens.redeem(null, "plan-a", () -> "1").status()).isEqualTo(LaunchTokens.Status.UNKNOWN);
        assertThat(tokens.launched(null)).isEmpty();
    }

    @Test
    void a_failed_launch_leaves_the_token_usable() {
        String token = tokens.issue("plan-a");

        assertThatThrownBy(() -> tokens.redeem(token, "plan-a", () -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");

        assertThat(tokens.redeem(token, "plan-a", () -> "3").status()).isEqualTo(LaunchTokens.Status.LAUNCHED);
    }

    @Test
    void the_same_dry_run_twice_gets_the_same_token_until_it_is_used() {
        String first = tokens.issue("plan-a");

        assertThat(tokens.issue("plan-a")).isEqualTo(first);
        assertThat(tokens.issue("plan-b")).isNotEqualTo(first);
        tokens.redeem(first, "plan-a", () -> "5");
        assertThat(tokens.issue("plan-a")).isNotEqualTo(first);
    }

    @Test
    void old_tokens_are_forgotten_beyond_twenty() {
        String oldest = tokens.issue("plan-0");
        for (int i = 1; i <= 20; i++) {
            tokens.issue("plan-" + i);
        }

        assertThat(tokens.redeem(oldest, "plan-0", () -> "1").status()).isEqualTo(LaunchTokens.Status.UNKNOWN);
    }

    @Test
    void fingerprints_differ_with_what_was_shown() {
        assertThat(LaunchTokens.fingerprint("a")).hasSize(64).isEqualTo(LaunchTokens.fingerprint("a"))
                .isNotEqualTo(LaunchTokens.fingerprint("b"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the sign-in throttle costs the right password (issue 12): sign-ins per second with the right password
 * through Lanterne's authentication (throttle on: the suspension lookups, the success that clears the count) against
 * the same password check with no throttle (off), in the same run, on the same accounts and the same password hashes,
 * rounds alternating. The password hash (bcrypt) dominates both; the ratio says what the throttle adds.
 * Run with {@code mvn -Pbench verify -Dit.test=LoginThrottleBenchmark}.
 */
@LanterneIntegrationTest
class LoginThrottleBenchmark {

    private static final int ROUNDS = 12;
    private static final int LOGINS_PER_ROUND = 24;
    private static final int BOOKKEEPING = 100_000;
    private static final int THREADS = 2;

    @Autowired
    AuthenticationManager throttled;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Users users;

    @Autowired
    LoginThrottle throttle;

    @Test
    void sign_ins_per_second_with_the_right_password_throttle_on_and_off() throws Exception {
        TestUsers.ensure(users);
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        AuthenticationManager plain = new ProviderManager(passwords);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            round(plain, pool);
            round(throttled, pool);
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            // Alternating which goes first, so that a drift in the machine's load weighs on both alike.
            for (int i = 0; i < ROUNDS; i++) {
                if (i % 2 == 0) {
                    off.add(round(plain, pool));
                    on.add(round(throttled, pool));
                } else {
                    on.add(round(throttled, pool));
                    off.add(round(plain, pool));
                }
            }
            List<Double> bookkeeping = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bookkeeping.add(bookkeeping());
            }
            double onRate = LOGINS_PER_ROUND / BenchmarkReport.median(on);
            double offRate = LOGINS_PER_ROUND / BenchmarkReport.median(off);
            BenchmarkReport.write("login-throttle", List.of(
                            BenchmarkReport.row(LOGINS_PER_ROUND + " sign-ins, right password, throttle on (Lanterne)",
                                    on),
                            BenchmarkReport.row("Baseline: same sign-ins, same password check, throttle off, same run",
                                    off),
                            BenchmarkReport.row(String.format(Locale.ROOT, "The throttle's bookkeeping alone: %,d "
                                    + "successful sign-ins (suspension lookup, count cleared), 1 thread", BOOKKEEPING),
                                    bookkeeping)),
                    String.format(Locale.ROOT, "Sign-ins per second with the right password (medians, %d threads): "
                            + "throttle on %.2f, off %.2f; ratio on / off %.3f (time ratio %s). The throttle's own "
                            + "work: %.2f µs per sign-in, against %.1f ms for the password check.", THREADS, onRate,
                            offRate, onRate / offRate, BenchmarkReport.ratio(on, off),
                            BenchmarkReport.median(bookkeeping) / BOOKKEEPING * 1e6,
                            BenchmarkReport.median(off) / LOGINS_PER_ROUND * THREADS * 1e3));
        } finally {
            pool.shutdown();
        }
    }

    /** Seconds for the throttle's part of many successful sign-ins, without the password check. */
    private double bookkeeping() {
        long start = System.nanoTime();
        for (int i = 0; i < BOOKKEEPING; i++) {
            String name = "bench-" + (i % 1_000);
            if (throttle.suspended(name, "127.0.0." + (i % 200)).isPresent()) {
                throw new AssertionError(name + " suspended");
            }
            throttle.succeeded(name);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for one round of sign-ins, spread over the threads and over three accounts. */
    private static double round(AuthenticationManager manager, ExecutorService pool) throws Exception {
        String[] names = {TestUsers.VOLUNTEER, TestUsers.ADMIN, TestUsers.RESEARCHER};
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < LOGINS_PER_ROUND; i += THREADS) {
                    UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
                            .unauthenticated(names[i % names.length], TestUsers.PASSWORD);
                    attempt.setDetails(new WebAuthenticationDetails("127.0.0." + (1 + i % 200), null));
                    assertThat(manager.authenticate(attempt).isAuthenticated()).isTrue();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}

package fr.lanterne.deadlines;

import fr.lanterne.requests.RequestDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** For tests of other packages, without a Spring context: the chain {@link Deadlines} gives of a request. */
public final class TestDeadlines {

    private final Deadlines deadlines;

    private TestDeadlines(Clock clock) {
        // The authorities serve only dates typed by hand (Deadlines.explain), which these tests do not use.
        this.deadlines = new Deadlines(new DeadlineCalculator(new PublicHolidays(), clock), null);
    }

    public static TestDeadlines at(Clock clock) {
        return new TestDeadlines(clock);
    }

    /** As {@link Deadlines#of(RequestDetails, LocalDate)}. */
    public Optional<DeadlineChain> of(RequestDetails request, LocalDate asOf) {
        return deadlines.of(request, asOf);
    }
}

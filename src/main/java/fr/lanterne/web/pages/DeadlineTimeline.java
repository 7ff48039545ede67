package fr.lanterne.web.pages;

import fr.lanterne.deadlines.Deadline;
import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.DeadlineKind;
import fr.lanterne.deadlines.DeadlineStep;
import fr.lanterne.requests.RequestDetails;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The legal chain of one request as a volunteer reads it on its page: seven milestones from sending to the court,
 * each with its date (or the window where readings of the law disagree) and whether it is done, the current one, to
 * come, missed or no longer applicable; where today falls among them; and the one thing to do next. The dates and
 * their legal explanations come from the deadlines module ({@link DeadlineChain}); this only arranges them.
 *
 * @param entries the milestones in the order of the chain, with one {@link Milestone#today() today} entry among them
 * @param next    what the volunteer should do next, or null when nothing is expected of them
 */
record DeadlineTimeline(List<Milestone> entries, NextAction next) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The milestones of the CRPA chain, in order; {@code END} is a full answer or a withdrawal, when there is one. */
    enum Step { SENT, RECEIVED, REFUSAL, CADA_REFERRAL, CADA_OPINION, CONFIRMED_REFUSAL, COURT, END, TODAY }

    enum State {
        DONE, CURRENT, TO_COME, MISSED, NOT_APPLICABLE;

        /** The CSS class and the message key suffix. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One milestone. {@code label} is a message key suffix ({@code timeline.step.<label>}); {@code earliest} and
     * {@code latest} are null while nothing dates it yet; {@code deadline} says the date is the last day to act;
     * {@code details} are the steps of the legal chain behind it, with their articles and explanations.
     */
    record Milestone(Step step, String label, State state, LocalDate earliest, LocalDate latest, boolean deadline,
            List<Deadline> details) {

        Milestone {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(state, "state");
            details = List.copyOf(details);
        }

        public boolean today() {
            return step == Step.TODAY;
        }

        public boolean dated() {
            return earliest != null;
        }

        /** Whether readings of the law disagree on the date: then it shows as a window. */
        public boolean window() {
            return earliest != null && !earliest.equals(latest);
        }

        public String from() {
            return earliest == null ? null : DAY.format(earliest);
        }

        public String to() {
            return latest == null ? null : DAY.format(latest);
        }

        public String css() {
            return today() ? "today" : state.css();
        }

        Milestone with(State newState) {
            return new Milestone(step, label, newState, earliest, latest, deadline, details);
        }
    }

    /** A message key suffix ({@code timeline.next.<key>}) and its arguments, dates already written out. */
    record NextAction(String key, boolean urgent, List<String> args) {

        NextAction {
            args = List.copyOf(args);
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** The timeline of a request on a given day; {@code chain} is null while its receipt date is unknown. */
    static DeadlineTimeline of(RequestDetails request, DeadlineChain chain, LocalDate today) {
        Map<DeadlineStep, Deadline> steps = new EnumMap<>(DeadlineStep.class);
        if (chain != null) {
            // The last of a kind wins: a partial answer after the referral is the one to show.
            chain.steps().forEach(step -> steps.put(step.step(), step));
        }
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(sent(request, steps));
        milestones.add(received(request, steps));
        milestones.add(refusal(steps, today));
        milestones.add(referral(request, steps, today));
        milestones.add(opinion(steps));
        milestones.add(confirmed(steps, today));
        milestones.add(court(request, steps, today));
        Milestone end = end(request, steps);

        List<Milestone> resolved = resolve(milestones, end != null || !request.status().open());
        if (end != null) {
            resolved.add(lastDone(resolved) + 1, end);
        }
        NextAction next = next(resolved, request, today);
        resolved.add(todayIndex(resolved, today), new Milestone(Step.TODAY, "today", State.CURRENT, today, today,
                false, List.of()));
        return new DeadlineTimeline(resolved, next);
    }

    /**
     * Settles each milestone's state from what is known: the done ones stay done; once the chain has ended (a full
     * answer, a withdrawal) or a deadline was missed, what follows no longer applies; the first open one is current.
     */
    private static List<Milestone> resolve(List<Milestone> milestones, boolean ended) {
        List<Milestone> resolved = new ArrayList<>();
        boolean stop = false;
        boolean currentGiven = false;
        for (Milestone m : milestones) {
            if (m.state() == State.DONE) {
                resolved.add(m);
            } else if (ended || stop) {
                resolved.add(m.with(State.NOT_APPLICABLE));
            } else if (m.state() == State.MISSED) {
                resolved.add(m);
                stop = true;
            } else if (!currentGiven) {
                resolved.add(m.with(State.CURRENT));
                currentGiven = true;
            } else {
                resolved.add(m.with(State.TO_COME));
            }
        }
        return resolved;
    }

    private static Milestone sent(RequestDetails request, Map<DeadlineStep, Deadline> steps) {
        LocalDate sent = request.sentOn();
        return milestone(Step.SENT, "sent", sent != null ? State.DONE : State.TO_COME, sent, sent, false,
                details(steps, DeadlineStep.SENT));
    }

    private static Milestone received(RequestDetails request, Map<DeadlineStep, Deadline> steps) {
        LocalDate received = request.dates().receivedOn();
        return milestone(Step.RECEIVED, "received", received != null ? State.DONE : State.TO_COME, received,
                received, false, details(steps, DeadlineStep.RECEIVED));
    }

    /** A written refusal when there was one, otherwise the implicit refusal born of a month of silence. */
    private static Milestone refusal(Map<DeadlineStep, Deadline> steps, LocalDate today) {
        List<Deadline> details = details(steps, DeadlineStep.PARTIAL_ANSWER, DeadlineStep.EXPRESS_REFUSAL,
                DeadlineStep.IMPLICIT_REFUSAL);
        Deadline express = steps.get(DeadlineStep.EXPRESS_REFUSAL);
        if (express != null) {
            return milestone(Step.REFUSAL, "refusal.express", State.DONE, express.earliest(), express.latest(), false,
                    details);
        }
        Deadline implicit = steps.get(DeadlineStep.IMPLICIT_REFUSAL);
        if (implicit == null) {
            return milestone(Step.REFUSAL, "refusal.implicit", State.TO_COME, null, null, false, details);
        }
        // A silence becomes a refusal once it is certain under every reading: after the latest date.
        return milestone(Step.REFUSAL, "refusal.implicit", today.isAfter(implicit.latest()) ? State.DONE
                : State.TO_COME, implicit.earliest(), implicit.latest(), false, details);
    }

    private static Milestone referral(RequestDetails request, Map<DeadlineStep, Deadline> steps, LocalDate today) {
        List<Deadline> details = details(steps, DeadlineStep.CADA_REFERRAL_DEADLINE, DeadlineStep.CADA_REGISTERED);
        Deadline registered = steps.get(DeadlineStep.CADA_REGISTERED);
        if (registered != null) {
            return milestone(Step.CADA_REFERRAL, "referral.done", State.DONE, registered.earliest(),
                    registered.latest(), false, details);
        }
        if (request.dates().cadaReferredOn() != null) {
            return milestone(Step.CADA_REFERRAL, "referral.sent", State.DONE, request.dates().cadaReferredOn(),
                    request.dates().cadaReferredOn(), false, details);
        }
        return actionDeadline(Step.CADA_REFERRAL, "referral", steps.get(DeadlineStep.CADA_REFERRAL_DEADLINE), today,
                details);
    }

    private static Milestone opinion(Map<DeadlineStep, Deadline> steps) {
        Deadline opinion = steps.get(DeadlineStep.CADA_OPINION);
        List<Deadline> details = details(steps, DeadlineStep.CADA_OPINION);
        if (opinion == null) {
            return milestone(Step.CADA_OPINION, "opinion", State.TO_COME, null, null, false, details);
        }
        return milestone(Step.CADA_OPINION, "opinion", opinion.kind() == DeadlineKind.FACT ? State.DONE
                : State.TO_COME, opinion.earliest(), opinion.latest(), false, details);
    }

    private static Milestone confirmed(Map<DeadlineStep, Deadline> steps, LocalDate today) {
        List<Deadline> details = details(steps, DeadlineStep.CONFIRMED_REFUSAL, DeadlineStep.EXPRESS_CONFIRMED_REFUSAL);
        Deadline written = steps.get(DeadlineStep.EXPRESS_CONFIRMED_REFUSAL);
        if (written != null) {
            return milestone(Step.CONFIRMED_REFUSAL, "confirmed.express", State.DONE, written.earliest(),
                    written.latest(), false, details);
        }
        Deadline implicit = steps.get(DeadlineStep.CONFIRMED_REFUSAL);
        if (implicit == null) {
            return milestone(Step.CONFIRMED_REFUSAL, "confirmed", State.TO_COME, null, null, false, details);
        }
        return milestone(Step.CONFIRMED_REFUSAL, "confirmed", today.isAfter(implicit.latest()) ? State.DONE
                : State.TO_COME, implicit.earliest(), implicit.latest(), false, details);
    }

    private static Milestone court(RequestDetails request, Map<DeadlineStep, Deadline> steps, LocalDate today) {
        List<Deadline> details = details(steps, DeadlineStep.COURT_DEADLINE);
        if (request.dates().courtOn() != null) {
            return milestone(Step.COURT, "court.done", State.DONE, request.dates().courtOn(),
                    request.dates().courtOn(), false,
                    details);
        }
        return actionDeadline(Step.COURT, "court", steps.get(DeadlineStep.COURT_DEADLINE), today, details);
    }

    /** A last day to act: missed once its latest date has passed. */
    private static Milestone actionDeadline(Step step, String label, Deadline deadline, LocalDate today,
            List<Deadline> details) {
        if (deadline == null) {
            return milestone(step, label, State.TO_COME, null, null, true, details);
        }
        return milestone(step, label, today.isAfter(deadline.latest()) ? State.MISSED : State.TO_COME,
                deadline.earliest(), deadline.latest(), true, details);
    }

    private static Milestone end(RequestDetails request, Map<DeadlineStep, Deadline> steps) {
        Deadline answer = steps.get(DeadlineStep.FULL_ANSWER);
        Deadline withdrawn = steps.get(DeadlineStep.WITHDRAWN);
        if (answer != null || request.dates().answeredOn() != null && withdrawn == null) {
            LocalDate on = answer != null ? answer.earliest() : request.dates().answeredOn();
            return milestone(Step.END, "answered", State.DONE, on, on, false, details(steps, DeadlineStep.FULL_ANSWER));
        }
        if (withdrawn != null || request.dates().withdrawnOn() != null) {
            LocalDate on = withdrawn != null ? withdrawn.earliest() : request.dates().withdrawnOn();
            return milestone(Step.END, "withdrawn", State.DONE, on, on, false, details(steps, DeadlineStep.WITHDRAWN));
        }
        return null;
    }

    private static int lastDone(List<Milestone> milestones) {
        int last = -1;
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).state() == State.DONE) {
                last = i;
            }
        }
        return last;
    }

    /** Today goes after what is behind it: before the first milestone still open on or after today. */
    private static int todayIndex(List<Milestone> milestones, LocalDate today) {
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            boolean behind = m.state() == State.DONE || m.state() == State.MISSED
                    || m.latest() != null && m.latest().isBefore(today);
            if (!behind) {
                return i;
            }
        }
        return milestones.size();
    }

    /** What the volunteer does next, read from the current milestone. */
    private static NextAction next(List<Milestone> milestones, RequestDetails request, LocalDate today) {
        Milestone current = milestones.stream().filter(m -> m.state() == State.CURRENT).findFirst().orElse(null);
        Milestone missed = milestones.stream().filter(m -> m.state() == State.MISSED).findFirst().orElse(null);
        if (missed != null) {
            return new NextAction("missed." + missed.step().name().toLowerCase(java.util.Locale.ROOT), true,
                    List.of(missed.to()));
        }
        if (current == null) {
            return null;
        }
        Milestone referral = find(milestones, Step.CADA_REFERRAL);
        Milestone court = find(milestones, Step.COURT);
        return switch (current.step()) {
            case SENT -> new NextAction("send", false, List.of());
            case RECEIVED -> new NextAction("receipt", true, List.of());
            case REFUSAL -> current.dated() && referral.dated()
                    ? new NextAction("waitAnswer", false, List.of(current.to(),
                            DAY.format(current.latest().plusDays(1)), referral.from()))
                    : null;
            case CADA_REFERRAL -> referral.dated()
                    ? new NextAction(referral.window() ? "referral.window" : "referral", true,
                            List.of(referral.from(), referral.to()))
                    : null;
            case CADA_OPINION -> current.dated()
                    ? new NextAction(current.latest().isBefore(today) ? "opinionLate" : "opinion", false,
                            List.of(current.to()))
                    : new NextAction("registration", false, List.of());
            case CONFIRMED_REFUSAL -> current.dated() && court.dated()
                    ? new NextAction("waitConfirmation", false, List.of(current.to(), court.from()))
                    : null;
            case COURT -> court.dated()
                    ? new NextAction(court.window() ? "court.window" : "court", true,
                            List.of(court.from(), court.to()))
                    : null;
            case END, TODAY -> null;
        };
    }

    private static Milestone find(List<Milestone> milestones, Step step) {
        return milestones.stream().filter(m -> m.step() == step).findFirst().orElseThrow();
    }

    private static Milestone milestone(Step step, String label, State state, LocalDate earliest, LocalDate latest,
            boolean deadline, List<Deadline> details) {
        return new Milestone(step, label, state, earliest, latest, deadline, details);
    }

    private static List<Deadline> details(Map<DeadlineStep, Deadline> steps, DeadlineStep... wanted) {
        List<Deadline> details = new ArrayList<>();
        for (DeadlineStep step : wanted) {
            Deadline deadline = steps.get(step);
            if (deadline != null) {
                details.add(deadline);
            }
        }
        return details;
    }
}

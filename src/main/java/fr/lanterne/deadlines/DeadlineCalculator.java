package fr.lanterne.deadlines;

import fr.lanterne.shared.InvalidInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the CRPA chain of one request: implicit refusal, CADA referral deadline, CADA opinion, confirmed refusal,
 * court deadline; each date with its legal basis, and with the earliest and latest date where readings disagree.
 *
 * <p>Counting: months run from date to same date, a missing day falling back to the month's last day (CPC art. 641,
 * {@link LocalDate#plusMonths}); a deadline to act that ends on a Saturday, Sunday or public holiday moves to the
 * next working day (CPC art. 642). The readings this engine shows side by side, strictest first:
 * <ul>
 * <li>whether the day a period starts from counts in it (the "calendar month" reading the CADA is reported to give
 * for its own referral deadline) or not (CPC art. 641): one day earlier for the referral deadline;</li>
 * <li>whether CPC art. 642 also extends the authority's month of silence, which is a fact and not a deadline to act:
 * the implicit refusal is then born on the next working day, and everything counted from it moves too;</li>
 * <li>whether the court deadline is counted as a plain two months or as a "délai franc", as administrative courts do
 * (the day it starts from and the day it ends on not counted: one more day), never stacked on the disputed
 * extension of the refusal's birth.</li>
 * </ul>
 * The referral deadline is extended on the national calendar only: the referral goes to the CADA in Paris, so the
 * authority's local holidays cannot matter (the sender's could; it is not known yet). Good Friday in 57, 67, 68 is a
 * holiday only in some communes (Code du travail L3134-13): safe dates never count on it.
 * Where an assumption is made about what a fact changes, the step's explanation says so ({@link RemedyRule}: the
 * remedies).
 *
 * <p>This class decides the dates, the windows and which step comes; {@link ChainExplanation} writes what each step
 * says in French.
 */
final class DeadlineCalculator {

    private final PublicHolidays holidays;
    private final Clock clock;

    public DeadlineCalculator(PublicHolidays holidays, Clock clock) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The chain, with the stage the request is at today. */
    public DeadlineChain explain(RequestFacts facts) {
        return explain(facts, LocalDate.now(clock));
    }

    /** The chain, with the stage the request is at on a given day (the nightly job's run date). */
    public DeadlineChain explain(RequestFacts facts, LocalDate asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        List<Deadline> steps = new Computation(facts).steps();
        return new DeadlineChain(facts.departement().code(), asOf, Stage.of(facts, steps, asOf), steps);
    }

    /** An answer or refusal before the referral to the CADA, in the order they happened. */
    private enum AnswerKind { PARTIAL, EXPRESS, SILENCE }

    private record Answer(LocalDate date, AnswerKind kind) {
    }

    /** The computation for one request; holds the facts so the steps read in the order of the chain. */
    private final class Computation {

        private final RequestFacts facts;
        private final Departement departement;
        private final ChainExplanation words;
        private final List<Deadline> steps = new ArrayList<>();
        /** The last day of the month of silence (CPC art. 641), and that day moved by CPC art. 642. */
        private final LocalDate silenceEnds;
        private final LocalDate silenceEndsExtended;
        /** Whether the month of silence counts in the referral window (no written refusal came first). */
        private boolean silenceCounted;
        /** The document that had to state the remedies of the referral window (CRPA L112-6, CJA R421-5). */
        private RemedyRule.Source referralSource = RemedyRule.Source.ACKNOWLEDGEMENT;

        Computation(RequestFacts facts) {
            this.facts = facts;
            this.departement = facts.departement();
            this.words = new ChainExplanation(facts, holidays);
            this.silenceEnds = facts.dates().receivedOn().plusMonths(1);
            this.silenceEndsExtended = holidays.workingDayOnOrAfter(silenceEnds, departement);
        }

        List<Deadline> steps() {
            if (facts.sent() != null) {
                steps.add(new Deadline(DeadlineStep.SENT, DeadlineKind.FACT, facts.sent(), facts.sent(),
                        List.of(LegalBasis.CRPA_R311_13), words.sent(facts.sent())));
            }
            steps.add(new Deadline(DeadlineStep.RECEIVED, DeadlineKind.FACT, facts.dates().receivedOn(),
                    facts.dates().receivedOn(),
                    List.of(LegalBasis.CRPA_R311_13), words.received(facts.dates().receivedOn())));
            ActionWindow referral = beforeReferral();
            if (facts.dates().cadaRegisteredOn() != null) {
                afterReferral(referral);
            }
            if (facts.end() != null) {
                endChain();
            }
            return steps;
        }

        /** From receipt to the referral deadline; returns the referral window. */
        private ActionWindow beforeReferral() {
            List<Answer> answers = new ArrayList<>();
            LocalDate registered = facts.dates().cadaRegisteredOn();
            if (facts.dates().partialAnswerOn() != null && (registered == null
                    || !facts.dates().partialAnswerOn().isAfter(registered))) {
                answers.add(new Answer(facts.dates().partialAnswerOn(), AnswerKind.PARTIAL));
            }
            if (facts.dates().refusedOn() != null) {
                answers.add(new Answer(facts.dates().refusedOn(), AnswerKind.EXPRESS));
            }
            // A written refusal notified by the last day of the month of silence means there was no silence.
            boolean silence = facts.dates().refusedOn() == null || facts.dates().refusedOn().isAfter(silenceEnds);
            if (silence) {
                answers.add(new Answer(silenceEnds, AnswerKind.SILENCE));
            }
            // On the same day, an answer comes before the silence it interrupts, and a partial answer before a refusal.
            answers.sort(Comparator.comparing(Answer::date).thenComparing(Answer::kind));

            ActionWindow window = null;
            for (Answer answer : answers) {
                window = switch (answer.kind()) {
                    case PARTIAL -> partialAnswer(answer.date(), window);
                    case EXPRESS -> expressRefusal(answer.date(), window);
                    case SILENCE -> implicitRefusal(window);
                };
            }
            checkReferralAfterRefusal(answers.get(0));
            steps.add(referralDeadline(window, answers.get(0)));
            return window;
        }

        private ActionWindow implicitRefusal(ActionWindow current) {
            silenceCounted = true;
            boolean afterPartial = current != null;
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R311_12, LegalBasis.CRPA_R311_13,
                    LegalBasis.CPC_641));
            boolean goodFriday = false;
            if (!silenceEndsExtended.equals(silenceEnds)) {
                basis.add(LegalBasis.CPC_642);
                goodFriday = goodFridayBetween(silenceEnds, silenceEndsExtended);
                if (goodFriday) {
                    basis.add(LegalBasis.CT_L3134_13);
                }
            }
            steps.add(new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION, silenceEnds,
                    silenceEndsExtended, basis,
                    words.implicitRefusal(afterPartial, silenceEnds, silenceEndsExtended, goodFriday)));
            ActionWindow fromSilence = fromSilence();
            if (current == null) {
                return fromSilence;
            }
            return current.widenedTo(fromSilence, words.silenceAfterPartialNote());
        }

        private ActionWindow partialAnswer(LocalDate date, ActionWindow current) {
            ActionWindow fromAnswer = fromNotification(date, false);
            String text;
            ActionWindow next;
            if (current == null) {
                text = words.partialAnswerFirst(date);
                next = fromAnswer;
            } else if (!date.isAfter(current.latest())) {
                text = words.partialAnswerAfterRefusal(date);
                next = current.widenedTo(fromAnswer, words.partialAnswerAfterRefusalNote(date));
            } else {
                text = words.partialAnswerTooLate(date);
                next = current;
            }
            steps.add(new Deadline(DeadlineStep.PARTIAL_ANSWER, DeadlineKind.FACT, date, date,
                    List.of(LegalBasis.CRPA_R343_1, LegalBasis.CRPA_R311_13), text));
            return next;
        }

        private ActionWindow expressRefusal(LocalDate date, ActionWindow current) {
            ActionWindow fromRefusal = fromNotification(date, true);
            String text;
            ActionWindow next;
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_1));
            if (current == null) {
                text = words.expressRefusalFirst(date);
                next = fromRefusal;
                referralSource = RemedyRule.Source.REFUSAL;
            } else if (!date.isAfter(current.earliest())) {
                referralSource = RemedyRule.Source.REFUSAL;
                basis.add(LegalBasis.CJA_R421_2);
                text = words.expressRefusalRestarts(date);
                next = fromRefusal.withNote(words.expressRefusalRestartsNote(date));
            } else if (!date.isAfter(current.latest())) {
                basis.add(LegalBasis.CJA_R421_2);
                text = words.expressRefusalBetweenReadings(date, current.earliest());
                next = current.widenedTo(fromRefusal, words.expressRefusalBetweenReadingsNote(date));
            } else {
                text = words.expressRefusalTooLate(date);
                next = current;
            }
            steps.add(new Deadline(DeadlineStep.EXPRESS_REFUSAL, DeadlineKind.FACT, date, date, basis, text));
            return next;
        }

        /** Two months from the implicit refusal (CRPA R343-1), on the national calendar (the CADA's, in Paris). */
        private ActionWindow fromSilence() {
            LocalDate strict = holidays.workingDayOnOrAfter(silenceEnds.plusMonths(2).minusDays(1),
                    Departement.CADA_SEAT);
            LocalDate generous = holidays.workingDayOnOrAfter(silenceEndsExtended.plusMonths(2),
                    Departement.CADA_SEAT);
            return new ActionWindow(strict, generous, words.strictFromSilence(silenceEnds),
                    words.generousFromSilence(silenceEnds, silenceEndsExtended));
        }

        /** Two months from the notification of an express refusal or a partial answer (CRPA R343-1). */
        private ActionWindow fromNotification(LocalDate notified, boolean express) {
            LocalDate strict = holidays.workingDayOnOrAfter(notified.plusMonths(2).minusDays(1),
                    Departement.CADA_SEAT);
            LocalDate generous = holidays.workingDayOnOrAfter(notified.plusMonths(2), Departement.CADA_SEAT);
            return new ActionWindow(strict, generous, words.strictFromNotification(express, notified),
                    words.generousFromNotification(notified));
        }

        private Deadline referralDeadline(ActionWindow window, Answer first) {
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_1, LegalBasis.CPC_641,
                    LegalBasis.CPC_642, LegalBasis.CRPA_L342_1));
            if (first.kind() != AnswerKind.EXPRESS) {
                basis.add(1, LegalBasis.CRPA_R311_13);
            }
            // The generous reading counts from the silence extended by the authority's holidays (its own fact).
            boolean goodFriday = silenceCounted && window.disputed()
                    && goodFridayBetween(silenceEnds, silenceEndsExtended);
            if (goodFriday) {
                basis.add(LegalBasis.CT_L3134_13);
            }
            RemedyRule.Verdict remedies = RemedyRule.referral(facts.remedies(), referralSource,
                    first.kind() == AnswerKind.EXPRESS);
            basis.addAll(remedies.basis());
            return new Deadline(DeadlineStep.CADA_REFERRAL_DEADLINE, DeadlineKind.ACTION_DEADLINE, window.earliest(),
                    window.latest(), basis, words.referralDeadline(window, goodFriday, remedies.sentence()),
                    remedies.opposable());
        }

        private void checkReferralAfterRefusal(Answer first) {
            LocalDate registered = facts.dates().cadaRegisteredOn();
            if (registered == null) {
                return;
            }
            boolean premature = first.kind() == AnswerKind.SILENCE ? !registered.isAfter(first.date())
                    : registered.isBefore(first.date());
            if (premature) {
                throw new InvalidInputException(words.referralBeforeRefusal(registered,
                        first.kind() == AnswerKind.SILENCE, first.kind() == AnswerKind.EXPRESS, first.date()),
                        Map.of("field", "cadaRegistered"));
            }
        }

        /** From the CADA's registration of the referral to the court deadline. */
        private void afterReferral(ActionWindow referral) {
            LocalDate registered = facts.dates().cadaRegisteredOn();
            steps.add(new Deadline(DeadlineStep.CADA_REGISTERED, DeadlineKind.FACT, registered, registered,
                    List.of(LegalBasis.CRPA_R343_3, LegalBasis.CRPA_L342_1),
                    words.registered(registered, referral.latest())));
            if (facts.dates().partialAnswerOn() != null && facts.dates().partialAnswerOn().isAfter(registered)) {
                steps.add(new Deadline(DeadlineStep.PARTIAL_ANSWER, DeadlineKind.FACT, facts.dates().partialAnswerOn(),
                        facts.dates().partialAnswerOn(), List.of(LegalBasis.CRPA_R343_5),
                        words.partialAnswerAfterReferral(facts.dates().partialAnswerOn())));
            }
            LocalDate opinion = facts.dates().cadaOpinionOn();
            if (opinion != null) {
                steps.add(new Deadline(DeadlineStep.CADA_OPINION, DeadlineKind.FACT, opinion, opinion,
                        List.of(LegalBasis.CRPA_R343_3, LegalBasis.CRPA_R343_4, LegalBasis.CRPA_R343_5),
                        words.opinionReceived(opinion)));
            } else {
                LocalDate expected = registered.plusMonths(1);
                steps.add(new Deadline(DeadlineStep.CADA_OPINION, DeadlineKind.EXPECTED, expected, expected,
                        List.of(LegalBasis.CRPA_R343_3, LegalBasis.CPC_641), words.opinionExpected(expected)));
            }
            LocalDate confirmedEnds = registered.plusMonths(2);
            LocalDate confirmedEndsExtended = holidays.workingDayOnOrAfter(confirmedEnds, departement);
            LocalDate written = facts.dates().confirmedRefusalOn();
            ActionWindow court;
            if (written != null && !written.isAfter(confirmedEnds)) {
                steps.add(writtenConfirmation(written, words.writtenConfirmationInTime(written)));
                court = courtFromWrittenRefusal(written);
            } else {
                steps.add(confirmedRefusal(confirmedEnds, confirmedEndsExtended));
                court = courtFromImplicitRefusal(confirmedEnds, confirmedEndsExtended);
                if (written != null) {
                    court = writtenAfterImplicit(written, court);
                }
            }
            steps.add(courtDeadline(court, written != null && !written.isAfter(confirmedEnds)));
        }

        private Deadline confirmedRefusal(LocalDate ends, LocalDate extended) {
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_5, LegalBasis.CRPA_R343_4,
                    LegalBasis.CPC_641));
            boolean goodFriday = false;
            if (!extended.equals(ends)) {
                basis.add(LegalBasis.CPC_642);
                goodFriday = goodFridayBetween(ends, extended);
                if (goodFriday) {
                    basis.add(LegalBasis.CT_L3134_13);
                }
            }
            return new Deadline(DeadlineStep.CONFIRMED_REFUSAL, DeadlineKind.IMPLICIT_DECISION, ends, extended, basis,
                    words.confirmedRefusal(ends, extended, goodFriday));
        }

        private Deadline writtenConfirmation(LocalDate date, String text) {
            return new Deadline(DeadlineStep.EXPRESS_CONFIRMED_REFUSAL, DeadlineKind.FACT, date, date,
                    List.of(LegalBasis.CRPA_R343_3, LegalBasis.CJA_R421_1), text);
        }

        /**
         * Two months from the confirmed refusal's birth. The délai franc adds a day; it is not stacked on the disputed
         * extension of the refusal's birth by CPC art. 642: the court counts from the day the refusal is born.
         */
        private ActionWindow courtFromImplicitRefusal(LocalDate ends, LocalDate extended) {
            LocalDate strict = safeWorkingDay(ends.plusMonths(2));
            LocalDate generous = holidays.workingDayOnOrAfter(ends.plusMonths(2).plusDays(1), departement);
            return new ActionWindow(strict, generous, words.strictFromConfirmedRefusal(ends),
                    words.generousFromConfirmedRefusal(ends, extended));
        }

        private ActionWindow courtFromWrittenRefusal(LocalDate notified) {
            LocalDate strict = safeWorkingDay(notified.plusMonths(2));
            LocalDate generous = holidays.workingDayOnOrAfter(notified.plusMonths(2).plusDays(1), departement);
            return new ActionWindow(strict, generous, words.strictFromWrittenRefusal(notified),
                    words.generousFromWrittenRefusal());
        }

        /** A written refusal after the implicit confirmation restarts the court deadline if it is still open. */
        private ActionWindow writtenAfterImplicit(LocalDate written, ActionWindow court) {
            ActionWindow fromWritten = courtFromWrittenRefusal(written);
            String text;
            ActionWindow next;
            if (!written.isAfter(court.earliest())) {
                text = words.writtenConfirmationRestarts(written);
                next = fromWritten.withNote(words.writtenConfirmationRestartsNote(written));
            } else if (!written.isAfter(court.latest())) {
                text = words.writtenConfirmationBetweenReadings(written);
                next = court.widenedTo(fromWritten, words.writtenConfirmationBetweenReadingsNote(written));
            } else {
                text = words.writtenConfirmationTooLate(written);
                next = court;
            }
            steps.add(writtenConfirmation(written, text));
            return next;
        }

        private Deadline courtDeadline(ActionWindow court, boolean fromWritten) {
            List<LegalBasis> basis = new ArrayList<>(fromWritten ? List.of(LegalBasis.CJA_R421_1)
                    : List.of(LegalBasis.CJA_R421_2, LegalBasis.CJA_R421_1));
            basis.addAll(List.of(LegalBasis.CRPA_L342_1, LegalBasis.CPC_641, LegalBasis.CPC_642));
            boolean goodFriday = goodFridayBetween(court.earliest(), court.latest())
                    || goodFridayBetween(court.earliest(), holidays.workingDayOnOrAfter(court.earliest(), departement));
            if (goodFriday) {
                basis.add(LegalBasis.CT_L3134_13);
            }
            RemedyRule.Verdict remedies = RemedyRule.court(facts.remedies(), fromWritten, referralSource);
            basis.addAll(remedies.basis());
            return new Deadline(DeadlineStep.COURT_DEADLINE, DeadlineKind.ACTION_DEADLINE, court.earliest(),
                    court.latest(), basis, words.courtDeadline(court, goodFriday, remedies.sentence()),
                    remedies.opposable());
        }

        /** Whether a local Good Friday lies between two dates (both included). */
        private boolean goodFridayBetween(LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (isLocalGoodFriday(day)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Good Friday in Moselle, Bas-Rhin and Haut-Rhin is a holiday only in communes with a Protestant or mixed
         * church (Code du travail L3134-13): a date that is safe must not count on it.
         */
        private boolean isLocalGoodFriday(LocalDate day) {
            return departement.isAlsaceMoselle() && day.getDayOfWeek() == DayOfWeek.FRIDAY
                    && day.getMonthValue() != 12 && holidays.isHoliday(day, departement)
                    && !holidays.isHoliday(day, Departement.CADA_SEAT);
        }

        /** The working day on or after a date, not counting on a local Good Friday. */
        private LocalDate safeWorkingDay(LocalDate date) {
            LocalDate day = date;
            while (!holidays.isWorkingDay(day, departement) && !isLocalGoodFriday(day)) {
                day = day.plusDays(1);
            }
            return day;
        }

        /**
         * A full answer or a withdrawal ends the chain: what was still to come no longer applies. Implicit decisions
         * not yet born and deadlines still open on that day are dropped; what happened before stays as history.
         */
        private void endChain() {
            LocalDate end = facts.end();
            steps.removeIf(step -> switch (step.kind()) {
                case FACT -> false;
                case IMPLICIT_DECISION -> !step.earliest().isBefore(end);
                case EXPECTED, ACTION_DEADLINE -> !step.latest().isBefore(end);
            });
            if (facts.dates().answeredOn() != null) {
                steps.add(new Deadline(DeadlineStep.FULL_ANSWER, DeadlineKind.FACT, end, end, List.of(),
                        words.fullAnswer(end)));
            } else {
                steps.add(new Deadline(DeadlineStep.WITHDRAWN, DeadlineKind.FACT, end, end, List.of(),
                        words.withdrawn(end)));
            }
        }
    }
}

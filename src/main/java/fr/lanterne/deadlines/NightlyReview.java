package fr.lanterne.deadlines;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.letters.PriorRequest;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the nightly job does for one open request on a given night: the legal steps that became true (an implicit
 * refusal, a refusal confirmed by silence), the letters to draft, the warnings to give. Pure: it reads the request's
 * dates and the legal calendar, and decides; the job's writer applies the decisions, each once (its key).
 *
 * <p>Most requests need nothing on most nights: cheap date checks come first, and the legal calendar is computed
 * only when a step is near.
 */
final class NightlyReview {

    /** A letter to prepare for the volunteer. */
    record Draft(String template, PriorRequest prior) {
    }

    enum Transition { IMPLICIT_REFUSAL, CONFIRMED_REFUSAL }

    /** One decision: a notice to give once, maybe with a draft letter and a change of the request's state. */
    record Action(NoticeKind kind, String key, LocalDate due, String message, Draft draft, Transition transition,
                  LocalDate transitionDate) {
    }

    record Review(RequestDates request, List<Action> actions) {
    }

    /** Slack for holiday extensions and the readings' spread when deciding whether a step may be near. */
    private static final int MARGIN_DAYS = 10;

    private final DeadlineCalculator calculator;
    private final DeadlinesProperties properties;
    private final List<Integer> warnings;

    NightlyReview(DeadlineCalculator calculator, DeadlinesProperties properties) {
        this.calculator = calculator;
        this.properties = properties;
        this.warnings = properties.warningDaysBefore().stream().sorted().toList();
    }

    Optional<Review> review(RequestDates r, LocalDate night) {
        List<Action> actions;
        try {
            actions = switch (r.status()) {
                case SENT -> receiptMissing(r, night);
                case RECEIVED -> waitingForAnswer(r, night);
                case IMPLICITLY_REFUSED, REFUSED, PARTIALLY_ANSWERED -> refused(r, night);
                case REFERRED_TO_CADA, CADA_OPINION -> referred(r, night);
                case CONFIRMED_REFUSAL -> confirmed(r, night);
                default -> List.of();
            };
        } catch (InvalidInputException e) {
            // Overseas territories with rules of their own, dates that contradict each other: one request's
            // problem is told to its volunteer once, and the night goes on.
            actions = List.of(new Action(NoticeKind.DEADLINES_UNAVAILABLE, "NO_DEADLINES:" + r.reference(), null,
                    "délais non calculés : " + e.getMessage(), null, null, null));
        }
        return actions.isEmpty() ? Optional.empty() : Optional.of(new Review(r, actions));
    }

    private List<Action> receiptMissing(RequestDates r, LocalDate night) {
        if (r.dates().receivedOn() != null || r.sentOn() == null
                || r.sentOn().plusDays(properties.receiptMissingAfterDays()).isAfter(night)) {
            return List.of();
        }
        return List.of(new Action(NoticeKind.RECORD_RECEIPT, "RECEIPT:" + r.reference(), null,
                "envoyée le " + FrenchDates.withWeekday(r.sentOn()) + ", sans date de réception enregistrée : les "
                        + "délais légaux ne courent qu'à partir de la réception (CRPA R311-13). Enregistrez la date de "
                        + "l'accusé de réception ou de l'avis du recommandé.", null, null, null));
    }

    private List<Action> waitingForAnswer(RequestDates r, LocalDate night) {
        LocalDate month = r.dates().receivedOn().plusMonths(1);
        if (night.isBefore(month.minusDays(properties.reminderDaysBefore() + MARGIN_DAYS))) {
            return List.of();
        }
        DeadlineChain chain = chain(r, night);
        Deadline refusal = chain.step(DeadlineStep.IMPLICIT_REFUSAL).orElseThrow();
        if (chain.stage() != Stage.WAITING_FOR_ANSWER) {
            Deadline referral = chain.step(DeadlineStep.CADA_REFERRAL_DEADLINE).orElseThrow();
            if (night.isAfter(referral.earliest())) {
                // A night long missed: the refusal is recorded, but a referral past its safe date is not drafted.
                return List.of(new Action(NoticeKind.IMPLICIT_REFUSAL, "IMPLICIT:" + r.reference(),
                        referral.earliest(), "sans réponse depuis sa réception le "
                                + FrenchDates.withWeekday(r.dates().receivedOn())
                                + ", la demande est implicitement refusée depuis le "
                                + FrenchDates.withWeekday(refusal.earliest()) + " (CRPA R*311-12, R311-13). "
                                + referralPassed(referral), null, Transition.IMPLICIT_REFUSAL, refusal.earliest()));
            }
            return List.of(new Action(NoticeKind.IMPLICIT_REFUSAL, "IMPLICIT:" + r.reference(), referral.earliest(),
                    "sans réponse depuis sa réception le " + FrenchDates.withWeekday(r.dates().receivedOn())
                            + ", la demande est implicitement refusée depuis le "
                            + FrenchDates.withWeekday(refusal.earliest())
                            + " (CRPA R*311-12, R311-13). La CADA peut être saisie jusqu'au "
                            + FrenchDates.withWeekday(referral.earliest()) + " (CRPA R343-1)"
                            + (referral.disputed() ? ", au plus tard le " + FrenchDates.withWeekday(referral.latest())
                            + " selon une autre lecture" : "") + " ; la saisine est prête. Si l'administration ne "
                            + "vous a remis aucun accusé de réception mentionnant les voies et délais de recours, ces "
                            + "délais ne vous sont pas opposables (CRPA L112-6) : notez-le sur la demande.",
                    new Draft("saisine-cada", PriorRequest.unanswered(r.template(), sentOn(r), r.dates().receivedOn(),
                            refusal.earliest()).withReferralDeadline(referral.earliest())),
                    Transition.IMPLICIT_REFUSAL, refusal.earliest()));
        }
        if (!night.isBefore(refusal.earliest().minusDays(properties.reminderDaysBefore()))) {
            return List.of(new Action(NoticeKind.REMINDER_DRAFTED, "REMINDER:" + r.reference(), refusal.earliest(),
                    "pas encore de réponse ; sans réponse, refus implicite le "
                            + FrenchDates.withWeekday(refusal.earliest())
                            + ". Une relance courtoise est prête à envoyer.",
                    new Draft("relance", PriorRequest.unanswered(r.template(), sentOn(r), r.dates().receivedOn(),
                            refusal.earliest())), null, null));
        }
        return List.of();
    }

    private List<Action> refused(RequestDates r, LocalDate night) {
        LocalDate refusalDate = refusalDate(r);
        boolean implicit = r.dates().refusedOn() == null && r.dates().partialAnswerOn() == null;
        List<Action> actions = new ArrayList<>();
        PriorRequest prior = implicit
                ? PriorRequest.unanswered(r.template(), sentOn(r), r.dates().receivedOn(), refusalDate)
                : PriorRequest.refused(r.template(), sentOn(r), r.dates().receivedOn(), refusalDate);
        Optional<Deadline> referral = referralDeadline(r, night);
        if (referral.isEmpty()) {
            return actions;
        }
        Deadline deadline = referral.get();
        if (night.isAfter(deadline.earliest())) {
            // The letter would say it is in time; past the safe date it no longer knows, so it is not drafted.
            return actions;
        }
        if (r.dates().receivedOn() == null) {
            actions.add(new Action(NoticeKind.REFERRAL_DRAFTED, "REFERRAL:" + r.reference(), deadline.earliest(),
                    "refusée le " + FrenchDates.withWeekday(refusalDate)
                            + " : la saisine de la CADA est prête. Sans date de réception enregistrée, la date limite "
                            + "est comptée comme si la demande avait été reçue le jour de son envoi : au plus tard le "
                            + FrenchDates.withWeekday(deadline.earliest())
                            + " (CRPA R343-1) ; enregistrez la date de réception pour la connaître exactement.",
                    new Draft("saisine-cada", prior.withReferralDeadline(deadline.earliest())), null, null));
            return actions;
        }
        actions.add(new Action(NoticeKind.REFERRAL_DRAFTED, "REFERRAL:" + r.reference(), deadline.earliest(),
                (implicit ? "implicitement refusée" : "refusée") + " le " + FrenchDates.withWeekday(refusalDate)
                        + " : la saisine de la CADA est prête, à envoyer au plus tard le "
                        + FrenchDates.withWeekday(deadline.earliest()) + " (CRPA R343-1).",
                new Draft("saisine-cada", prior.withReferralDeadline(deadline.earliest())), null, null));
        warning(r, night, deadline, NoticeKind.REFERRAL_DEADLINE_SOON, "REFERRAL_SOON",
                "pour saisir la CADA", "CRPA R343-1").ifPresent(actions::add);
        return actions;
    }

    private List<Action> referred(RequestDates r, LocalDate night) {
        if (r.dates().cadaRegisteredOn() == null) {
            LocalDate referredOn = r.dates().cadaReferredOn() == null ? night : r.dates().cadaReferredOn();
            if (referredOn.plusDays(properties.receiptMissingAfterDays()).isAfter(night)) {
                return List.of();
            }
            return List.of(new Action(NoticeKind.RECORD_CADA_REGISTRATION, "CADA_REGISTRATION:" + r.reference(), null,
                    "CADA saisie le " + FrenchDates.withWeekday(referredOn)
                            + " : enregistrez la date d'enregistrement de la saisine indiquée par son accusé de "
                            + "réception ; l'avis est attendu un mois après (CRPA R343-3) et le refus est confirmé par "
                            + "deux mois de silence (CRPA R343-5).",
                    null, null, null));
        }
        if (r.dates().receivedOn() == null
                || night.isBefore(r.dates().cadaRegisteredOn().plusMonths(2).minusDays(MARGIN_DAYS))) {
            return List.of();
        }
        DeadlineChain chain = chain(r, night);
        if (chain.stage() != Stage.CONFIRMED_REFUSAL && chain.stage() != Stage.COURT_DEADLINE_PASSED) {
            return List.of();
        }
        Deadline confirmedOn = chain.step(DeadlineStep.CONFIRMED_REFUSAL).orElseThrow();
        Deadline court = chain.step(DeadlineStep.COURT_DEADLINE).orElseThrow();
        return List.of(new Action(NoticeKind.CONFIRMED_REFUSAL, "CONFIRMED:" + r.reference(), court.earliest(),
                "deux mois après l'enregistrement de la saisine par la CADA (le "
                        + FrenchDates.withWeekday(r.dates().cadaRegisteredOn()) + "), le refus est confirmé depuis le "
                        + FrenchDates.withWeekday(confirmedOn.earliest()) + " (CRPA R*343-4, R343-5). Le tribunal "
                        + "administratif peut être saisi jusqu'au " + FrenchDates.withWeekday(court.earliest())
                        + " (CJA R421-1).", null, Transition.CONFIRMED_REFUSAL, confirmedOn.earliest()));
    }

    private List<Action> confirmed(RequestDates r, LocalDate night) {
        if (r.dates().receivedOn() == null || r.dates().confirmedRefusalOn() == null
                || night.isBefore(r.dates().confirmedRefusalOn().plusMonths(2).minusDays(maxWarning() + MARGIN_DAYS))) {
            return List.of();
        }
        return chain(r, night).step(DeadlineStep.COURT_DEADLINE)
                .flatMap(court -> warning(r, night, court, NoticeKind.COURT_DEADLINE_SOON, "COURT_SOON",
                        "pour saisir le tribunal administratif", "CJA R421-1"))
                .map(List::of).orElse(List.of());
    }

    /**
     * A warning when the (safe) deadline is within a threshold, once per threshold crossed: the smallest threshold
     * at or above the days left, so a job that missed a night still warns, and never twice for the same threshold.
     */
    private Optional<Action> warning(RequestDates r, LocalDate night, Deadline deadline, NoticeKind kind,
                                     String keyPrefix, String what, String article) {
        long daysLeft = ChronoUnit.DAYS.between(night, deadline.earliest());
        if (daysLeft < 0) {
            return Optional.empty();
        }
        return warnings.stream().filter(threshold -> daysLeft <= threshold).min(Comparator.naturalOrder())
                .map(threshold -> new Action(kind, keyPrefix + ":" + threshold + ":" + r.reference(),
                        deadline.earliest(), (daysLeft == 0 ? "dernier jour " : "plus que " + daysLeft + " jour"
                        + (daysLeft > 1 ? "s " : " ")) + what + " : au plus tard le "
                        + FrenchDates.withWeekday(deadline.earliest()) + " (" + article + ").", null, null, null));
    }

    /**
     * The referral deadline of a refused request. Without a receipt date, the request is taken as received the day
     * it was sent: receipt cannot come earlier, so the safe date computed this way is never too late.
     */
    Optional<Deadline> referralDeadline(RequestDates r, LocalDate night) {
        LocalDate received = r.dates().receivedOn() != null ? r.dates().receivedOn() : r.sentOn();
        if (received == null) {
            return Optional.empty();
        }
        return chain(r, received, night).step(DeadlineStep.CADA_REFERRAL_DEADLINE);
    }

    /** Whether the safe referral deadline of a refused request has not passed on that night (and is known). */
    boolean referralOpen(RequestDates r, LocalDate night) {
        try {
            return referralDeadline(r, night).map(deadline -> !night.isAfter(deadline.earliest())).orElse(false);
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static String referralPassed(Deadline referral) {
        return "La date sûre pour saisir la CADA, le " + FrenchDates.withWeekday(referral.earliest())
                + ", est passée (CRPA R343-1) : aucune saisine n'est préparée. Si le refus ne mentionnait pas les "
                + "voies et délais de recours (pour un refus implicite, dans l'accusé de réception : CRPA L112-6), "
                + "la CADA peut encore être saisie dans un délai raisonnable, en principe un an.";
    }

    private int maxWarning() {
        return warnings.isEmpty() ? 0 : warnings.get(warnings.size() - 1);
    }

    private DeadlineChain chain(RequestDates r, LocalDate night) {
        return chain(r, r.dates().receivedOn(), night);
    }

    private DeadlineChain chain(RequestDates r, LocalDate received, LocalDate night) {
        return calculator.explain(RequestFacts.ofRecorded(Departement.of(r.departement()), r.sentOn(),
                r.dates().withReceivedOn(received), r.remedies()), night);
    }

    private static LocalDate refusalDate(RequestDates r) {
        if (r.dates().refusedOn() != null) {
            return r.dates().refusedOn();
        }
        if (r.dates().partialAnswerOn() != null) {
            return r.dates().partialAnswerOn();
        }
        return r.dates().implicitRefusalOn();
    }

    /** Letters need the sending date; a request recorded as received but never as sent was sent by then. */
    static LocalDate sentOn(RequestDates r) {
        return r.sentOn() != null ? r.sentOn() : r.dates().receivedOn();
    }

    static boolean refusedStatus(RequestStatus status) {
        return status == RequestStatus.IMPLICITLY_REFUSED || status == RequestStatus.REFUSED
                || status == RequestStatus.PARTIALLY_ANSWERED;
    }
}

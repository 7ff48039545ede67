package fr.lanterne.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a request stands on a given day. A stage is reached only once it is certain under every reading of the law:
 * a silence becomes a refusal after the latest date it can be born on, a deadline has passed after its latest date.
 */
public enum Stage {
    WAITING_FOR_ANSWER("En attente de réponse"),
    PARTIALLY_ANSWERED("Réponse partielle : le reste est refusé"),
    REFUSED_EXPRESSLY("Refus exprès : la CADA peut être saisie"),
    REFUSED_IMPLICITLY("Refus implicite : la CADA peut être saisie"),
    REFERRAL_DEADLINE_PASSED("Délai de saisine de la CADA dépassé"),
    REFERRED_TO_CADA("CADA saisie : en attente de son avis"),
    CADA_OPINION_GIVEN("Avis de la CADA rendu : en attente de l'administration"),
    CONFIRMED_REFUSAL("Refus confirmé : le tribunal administratif peut être saisi"),
    COURT_DEADLINE_PASSED("Délai de recours contentieux dépassé"),
    ANSWERED("Demande satisfaite"),
    WITHDRAWN("Demande retirée");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Where the request whose chain is {@code steps} stands on {@code asOf}. */
    static Stage of(RequestFacts facts, List<Deadline> steps, LocalDate asOf) {
        if (facts.dates().withdrawnOn() != null) {
            return Stage.WITHDRAWN;
        }
        if (facts.dates().answeredOn() != null) {
            return Stage.ANSWERED;
        }
        if (facts.dates().cadaRegisteredOn() != null) {
            if (asOf.isAfter(find(steps, DeadlineStep.COURT_DEADLINE).latest())) {
                return Stage.COURT_DEADLINE_PASSED;
            }
            boolean confirmed = facts.dates().confirmedRefusalOn() != null
                    || asOf.isAfter(find(steps, DeadlineStep.CONFIRMED_REFUSAL).latest());
            if (confirmed) {
                return Stage.CONFIRMED_REFUSAL;
            }
            return facts.dates().cadaOpinionOn() != null ? Stage.CADA_OPINION_GIVEN : Stage.REFERRED_TO_CADA;
        }
        if (asOf.isAfter(find(steps, DeadlineStep.CADA_REFERRAL_DEADLINE).latest())) {
            return Stage.REFERRAL_DEADLINE_PASSED;
        }
        if (facts.dates().refusedOn() != null) {
            return Stage.REFUSED_EXPRESSLY;
        }
        if (facts.dates().partialAnswerOn() != null) {
            return Stage.PARTIALLY_ANSWERED;
        }
        Deadline implicit = find(steps, DeadlineStep.IMPLICIT_REFUSAL);
        return asOf.isAfter(implicit.latest()) ? Stage.REFUSED_IMPLICITLY : Stage.WAITING_FOR_ANSWER;
    }

    private static Deadline find(List<Deadline> steps, DeadlineStep step) {
        return steps.stream().filter(deadline -> deadline.step() == step).findFirst()
                .orElseThrow(() -> new IllegalStateException("No step " + step + " in " + steps));
    }
}

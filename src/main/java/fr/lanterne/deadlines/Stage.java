package fr.lanterne.deadlines;

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
}

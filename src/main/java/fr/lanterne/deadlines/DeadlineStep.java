package fr.lanterne.deadlines;

/** The steps of the CRPA chain, in the order they can happen. Labels are what the French UI shows. */
public enum DeadlineStep {
    SENT("Envoi de la demande"),
    RECEIVED("Réception de la demande"),
    PARTIAL_ANSWER("Réponse partielle"),
    EXPRESS_REFUSAL("Refus exprès"),
    IMPLICIT_REFUSAL("Refus implicite"),
    CADA_REFERRAL_DEADLINE("Date limite de saisine de la CADA"),
    CADA_REGISTERED("Enregistrement de la saisine par la CADA"),
    CADA_OPINION("Avis de la CADA"),
    CONFIRMED_REFUSAL("Refus confirmé"),
    EXPRESS_CONFIRMED_REFUSAL("Refus confirmé par écrit"),
    COURT_DEADLINE("Date limite de recours au tribunal administratif"),
    FULL_ANSWER("Réponse complète"),
    WITHDRAWN("Demande retirée");

    private final String label;

    DeadlineStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package fr.lanterne.deadlines;

/** What the nightly job tells a volunteer. */
public enum NoticeKind {
    RECORD_RECEIPT("Date de réception à enregistrer"),
    REMINDER_DRAFTED("Relance prête à envoyer"),
    IMPLICIT_REFUSAL("Refus implicite"),
    REFERRAL_DRAFTED("Saisine de la CADA prête à envoyer"),
    REFERRAL_WAITING_FOR_IDENTITY("Saisine de la CADA en attente de l’identité du demandeur"),
    REFERRAL_DEADLINE_SOON("Date limite de saisine de la CADA proche"),
    RECORD_CADA_REGISTRATION("Date d'enregistrement par la CADA à enregistrer"),
    CONFIRMED_REFUSAL("Refus confirmé après l'avis de la CADA"),
    COURT_DEADLINE_SOON("Date limite de recours au tribunal proche"),
    SERIES_REFERRAL("Saisine de la CADA en série possible"),
    DEADLINES_UNAVAILABLE("Délais non calculés");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package fr.lanterne.requests;

/** What happened to a request: each entry of its timeline. */
public enum EventType {
    CREATED("demande créée"),
    LETTER_RENDERED("lettre rédigée"),
    QUEUED("prête à envoyer"),
    SEND_ATTEMPT_FAILED("tentative d'envoi échouée"),
    SEND_UNCERTAIN("envoi interrompu : à vérifier"),
    SENT("envoyée"),
    DELIVERY_FAILED("non distribuée"),
    CHANNEL_CHANGED("canal d'envoi changé"),
    RECEIVED("reçue par l'administration"),
    TRANSMITTED("transmise à une autre administration"),
    ANSWERED("réponse complète reçue"),
    PARTIALLY_ANSWERED("réponse partielle reçue"),
    REFUSED("refus exprès reçu"),
    IMPLICITLY_REFUSED("refus implicite"),
    REMINDER_DRAFTED("relance préparée"),
    REFERRAL_DRAFTED("saisine de la CADA préparée"),
    REFERRED_TO_CADA("CADA saisie"),
    SERIES_INFORMATION_DRAFTED("information de la saisine en série préparée"),
    SERIES_INFORMED("information de la saisine en série envoyée"),
    CADA_REGISTERED("saisine enregistrée par la CADA"),
    CADA_OPINION("avis de la CADA reçu"),
    CONFIRMED_REFUSAL("refus confirmé"),
    IN_COURT("recours au tribunal administratif"),
    DOCUMENT_RECEIVED("document reçu"),
    NOTE("note"),
    WITHDRAWN("demande retirée"),
    CLOSED("demande close");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

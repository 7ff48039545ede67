package fr.lanterne.requests;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands, from draft to closed. The transitions allowed from each state are listed here; the
 * {@link Request} aggregate refuses any other.
 */
public enum RequestStatus {
    DRAFT("brouillon"),
    QUEUED("prête à envoyer"),
    SENDING("envoi en cours"),
    SEND_UNCERTAIN("envoi incertain"),
    DELIVERY_FAILED("échec d'envoi"),
    SENT("envoyée"),
    RECEIVED("reçue par l'administration"),
    PARTIALLY_ANSWERED("réponse partielle"),
    REFUSED("refus exprès"),
    IMPLICITLY_REFUSED("refus implicite"),
    REFERRED_TO_CADA("CADA saisie"),
    CADA_OPINION("avis de la CADA rendu"),
    CONFIRMED_REFUSAL("refus confirmé"),
    IN_COURT("recours au tribunal"),
    ANSWERED("satisfaite"),
    WITHDRAWN("retirée"),
    CLOSED("close");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Until a request is answered, withdrawn or closed, no second one may target the same authority and template. */
    public boolean open() {
        return this != ANSWERED && this != WITHDRAWN && this != CLOSED;
    }

    /**
     * Whether the request has left: sent, or in a state only a sent request reaches. Not a delivery failure (it did
     * not arrive), nor a withdrawal (which may come before sending).
     */
    public boolean sent() {
        return switch (this) {
            case DRAFT, QUEUED, SENDING, SEND_UNCERTAIN, DELIVERY_FAILED, WITHDRAWN -> false;
            default -> true;
        };
    }

    boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    private Set<RequestStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(QUEUED, WITHDRAWN);
            case QUEUED -> EnumSet.of(SENDING, SENT, DELIVERY_FAILED, WITHDRAWN);
            case SENDING -> EnumSet.of(SENT, QUEUED, DELIVERY_FAILED, SEND_UNCERTAIN);
            case SEND_UNCERTAIN -> EnumSet.of(SENT, QUEUED, WITHDRAWN);
            case DELIVERY_FAILED -> EnumSet.of(QUEUED, WITHDRAWN);
            case SENT -> EnumSet.of(RECEIVED, DELIVERY_FAILED, ANSWERED, PARTIALLY_ANSWERED, REFUSED, WITHDRAWN);
            // SENT again: transmitted to another authority whose date of receipt is not known yet (CRPA L311-2).
            case RECEIVED -> EnumSet.of(ANSWERED, PARTIALLY_ANSWERED, REFUSED, IMPLICITLY_REFUSED, WITHDRAWN, SENT);
            case PARTIALLY_ANSWERED -> EnumSet.of(ANSWERED, REFUSED, REFERRED_TO_CADA, WITHDRAWN, CLOSED);
            case REFUSED -> EnumSet.of(ANSWERED, PARTIALLY_ANSWERED, REFUSED, REFERRED_TO_CADA, WITHDRAWN, CLOSED);
            // RECEIVED or SENT: a silence that was in fact a transmission to the competent authority (CRPA L311-2).
            case IMPLICITLY_REFUSED -> EnumSet.of(ANSWERED, PARTIALLY_ANSWERED, REFUSED, REFERRED_TO_CADA, WITHDRAWN,
                    CLOSED, RECEIVED, SENT);
            case REFERRED_TO_CADA -> EnumSet.of(CADA_OPINION, CONFIRMED_REFUSAL, ANSWERED, PARTIALLY_ANSWERED,
                    WITHDRAWN, CLOSED);
            case CADA_OPINION -> EnumSet.of(CONFIRMED_REFUSAL, ANSWERED, PARTIALLY_ANSWERED, WITHDRAWN, CLOSED);
            case CONFIRMED_REFUSAL -> EnumSet.of(IN_COURT, ANSWERED, WITHDRAWN, CLOSED);
            case IN_COURT -> EnumSet.of(ANSWERED, CLOSED);
            case ANSWERED -> EnumSet.of(CLOSED);
            case WITHDRAWN, CLOSED -> EnumSet.noneOf(RequestStatus.class);
        };
    }
}

package fr.lanterne.publish;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import java.util.Map;

/** Why a redaction or a publication is refused, in a French sentence; nothing is changed. */
public final class PublicationRefused {

    private PublicationRefused() {
    }

    /** An image, an email or an office file: Lanterne occults PDFs only. */
    public static InvalidInputException notAPdf(String mediaType) {
        return new InvalidInputException("Ce document n’est pas un PDF (" + mediaType + ") : Lanterne n’occulte que "
                + "les PDF. Convertissez-le en PDF et déposez-le, ou publiez-le tel quel si rien n’est à occulter.",
                Map.of("mediaType", mediaType));
    }

    public static ConflictException pending(int pending) {
        return new ConflictException(FrenchCount.of(pending, "proposition d’occultation attend",
                "propositions d’occultation attendent") + " encore une décision : "
                + (pending <= 1 ? "acceptez-la ou rejetez-la" : "acceptez-les ou rejetez-les") + " avant de publier.",
                Map.of("pending", pending));
    }

    public static ConflictException boxesAccepted(int accepted) {
        return new ConflictException("Ce document a " + FrenchCount.of(accepted, "zone à occulter acceptée",
                "zones à occulter acceptées") + " : publiez sa version occultée, ou rejetez-les avant de le publier "
                + "tel quel.", Map.of("accepted", accepted));
    }

    public static NotFoundException noSuchRedaction(String sha256, long id) {
        return new NotFoundException("Ce document n’a pas de proposition ni de zone numéro " + id + ".",
                Map.of("sha256", sha256, "proposal", id));
    }

    public static NotFoundException noSuchPage(String sha256, int page, int pages) {
        return new NotFoundException("Le document a " + FrenchCount.of(pages, "page", "pages") + " : pas de page "
                + page + ".", Map.of("sha256", sha256, "page", page, "pages", pages));
    }

    public static InvalidInputException badRule(String text) {
        return new InvalidInputException("« " + text + " » n’est pas une expression régulière valable : corrigez-la "
                + "ou enregistrez-la comme simple terme.", Map.of("field", "text"));
    }
}

package fr.lanterne.requests;

import fr.lanterne.shared.InvalidInputException;

/**
 * A request a volunteer asks for: one authority (a code such as {@code mairie-06088}, or an INSEE code for the
 * town hall), one template, one channel.
 *
 * @param channel EMAIL or POST; null means email when the authority's email is known, post otherwise
 * @param postIfNoEmail with EMAIL, switch to post rather than refuse when the authority has no known email
 */
public record NewRequest(String authority, String template, Channel channel, boolean postIfNoEmail) {

    public NewRequest {
        if (authority == null || authority.isBlank()) {
            throw new InvalidInputException("Précisez l'organisme destinataire : un code INSEE (sa mairie) ou un code "
                    + "d'organisme (prefecture-06, ratp…).");
        }
        if (template == null || template.isBlank()) {
            throw new InvalidInputException("Précisez le modèle de lettre (vsa, cctv, drones-sound…).");
        }
        authority = authority.strip();
        template = template.strip();
    }
}

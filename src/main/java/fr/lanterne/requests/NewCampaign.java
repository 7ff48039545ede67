package fr.lanterne.requests;

import fr.lanterne.shared.InvalidInputException;
import java.util.List;

/**
 * A campaign to launch: one request per (authority, template).
 *
 * @param channel EMAIL, POST, or null for email where the authority's email is known and post elsewhere
 */
public record NewCampaign(String name, List<String> templates, CampaignTargets targets, Channel channel) {

    public NewCampaign {
        templates = templates == null ? List.of() : templates.stream().map(String::strip).distinct().toList();
        if (templates.isEmpty()) {
            throw new InvalidInputException("Choisissez au moins un modèle de lettre (--template vsa…).");
        }
        if (targets == null) {
            throw new InvalidInputException("Choisissez des destinataires.");
        }
        name = name == null || name.isBlank() ? null : name.strip();
    }
}

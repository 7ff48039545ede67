package fr.lanterne.requests;

import fr.lanterne.InvalidInputException;
import java.util.List;

/**
 * Which authorities a campaign writes to. The criteria add up: INSEE codes, plus the communes of a département
 * (optionally above a population), plus every commune of the deployment registry, plus the lines of a CSV file
 * (INSEE codes or authority codes). Communes mean their town halls.
 *
 * @param minPopulation alone, every commune of France with at least that many inhabitants
 */
public record CampaignTargets(List<String> insee, String departement, Integer minPopulation, boolean registry,
                              List<String> authorityCodes) {

    public CampaignTargets {
        insee = insee == null ? List.of() : List.copyOf(insee);
        authorityCodes = authorityCodes == null ? List.of() : List.copyOf(authorityCodes);
        departement = departement == null || departement.isBlank() ? null : departement.strip().toUpperCase();
        if (minPopulation != null && minPopulation < 0) {
            throw new InvalidInputException("Le seuil de population ne peut pas être négatif.");
        }
        if (insee.isEmpty() && departement == null && minPopulation == null && !registry && authorityCodes.isEmpty()) {
            throw new InvalidInputException("Choisissez des destinataires : des codes INSEE (--insee), un département "
                    + "(--departement), un seuil de population (--min-population), les communes du registre "
                    + "(--registry) ou un fichier CSV (--csv).");
        }
    }
}

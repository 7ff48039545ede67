package fr.lanterne.requests;

import fr.lanterne.shared.InvalidInputException;
import java.util.List;

/**
 * Which authorities a campaign writes to. The criteria add up: INSEE codes, plus the communes of a département
 * (optionally above a population), plus every commune of the deployment registry, plus the lines of a CSV file
 * (INSEE codes or authority codes), plus intercommunalités by SIREN, plus every intercommunalité with a member
 * commune in a département. Communes mean their town halls.
 *
 * @param minPopulation alone, every commune of France with at least that many inhabitants
 * @param epci SIRENs of intercommunalités ({@code 200030195})
 * @param epciDepartement every current intercommunalité with at least one member commune in this département (an
 *                        EPCI may straddle two départements: it is written to once)
 */
public record CampaignTargets(List<String> insee, String departement, Integer minPopulation, boolean registry,
                              List<String> authorityCodes, List<String> epci, String epciDepartement) {

    public CampaignTargets(List<String> insee, String departement, Integer minPopulation, boolean registry,
                           List<String> authorityCodes) {
        this(insee, departement, minPopulation, registry, authorityCodes, List.of(), null);
    }

    public CampaignTargets {
        insee = insee == null ? List.of() : List.copyOf(insee);
        epci = epci == null ? List.of() : epci.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String siren : epci) {
            if (!siren.matches("\\d{9}")) {
                throw new InvalidInputException("« " + siren + " » n’est pas le SIREN d’une intercommunalité "
                        + "(9 chiffres, exemple : 200030195).", java.util.Map.of("epci", siren));
            }
        }
        epciDepartement = epciDepartement == null || epciDepartement.isBlank() ? null
                : epciDepartement.strip().toUpperCase();
        authorityCodes = authorityCodes == null ? List.of() : List.copyOf(authorityCodes);
        departement = departement == null || departement.isBlank() ? null : departement.strip().toUpperCase();
        if (minPopulation != null && minPopulation < 0) {
            throw new InvalidInputException("Le seuil de population ne peut pas être négatif.");
        }
        if (insee.isEmpty() && departement == null && minPopulation == null && !registry && authorityCodes.isEmpty()
                && epci.isEmpty() && epciDepartement == null) {
            throw new InvalidInputException("Choisissez des destinataires : des codes INSEE (--insee), un département "
                    + "(--departement), un seuil de population (--min-population), les communes du registre "
                    + "(--registry), un fichier CSV (--csv), des intercommunalités (--epci) ou celles d’un "
                    + "département (--epci-departement).");
        }
    }
}

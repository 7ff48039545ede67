package fr.lanterne.requests;

import fr.lanterne.shared.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * Which requests the statistics count; every criterion is optional.
 *
 * @param departement the département of the authority (06, 2A, 974…)
 */
public record StatisticsFilter(String departement, Long campaignId) {

    public StatisticsFilter {
        departement = departement == null || departement.isBlank() ? null
                : departement.strip().toUpperCase(Locale.ROOT);
        if (departement != null && !departement.matches("\\d{2,3}|2[AB]")) {
            throw new InvalidInputException("« " + departement + " » n'est pas un code de département (06, 2A, 974…).",
                    Map.of("field", "departement"));
        }
    }

    public static StatisticsFilter all() {
        return new StatisticsFilter(null, null);
    }
}

package fr.lanterne.registry;

import fr.lanterne.shared.InvalidInputException;

/**
 * Which deployments to list; every criterion is optional.
 *
 * @param vendor a vendor name, case and accents ignored
 * @param authorityId the operating authority
 */
public record DeploymentQuery(String insee, String departement, String vendor, Technology technology,
                              DeploymentStatus status, Long authorityId, int limit, int offset) {

    public static final int MAX_LIMIT = 1_000;

    public DeploymentQuery {
        insee = blankToNull(insee);
        departement = blankToNull(departement) == null ? null : departement.strip().toUpperCase(java.util.Locale.ROOT);
        vendor = blankToNull(vendor);
        if (departement != null && !departement.matches("\\d{2,3}|2[AB]")) {
            throw new InvalidInputException("« " + departement + " » n'est pas un code de département (06, 2A, 974…).",
                    java.util.Map.of("field", "departement"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("Le nombre de résultats demandé doit être entre 1 et " + MAX_LIMIT + ".");
        }
        if (offset < 0) {
            throw new InvalidInputException("Le décalage ne peut pas être négatif.");
        }
    }

    public static DeploymentQuery all() {
        return new DeploymentQuery(null, null, null, null, null, null, MAX_LIMIT, 0);
    }

    public static DeploymentQuery ofCommune(String insee) {
        return new DeploymentQuery(insee, null, null, null, null, null, MAX_LIMIT, 0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package fr.lanterne.registry;

import fr.lanterne.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * A deployment to create. The operator is {@code authorityCode} when given (a préfecture, a région, the RATP...),
 * otherwise the town hall of {@code insee}.
 */
public record DeploymentDraft(String insee, String authorityCode, Technology technology, String vendor, String product,
                              DeploymentStatus status, Integer since, String place, Integer cameraCount, String summary,
                              List<SourceDraft> sources) {

    public DeploymentDraft {
        if (technology == null) {
            throw new InvalidInputException("Précisez la technologie (CCTV, VSA, FACIAL_RECOGNITION, SOUND_SENSORS, "
                    + "DRONES).", Map.of("field", "technology"));
        }
        if (status == null) {
            throw new InvalidInputException("Précisez le statut (ANNOUNCED, EXPERIMENT, DEPLOYED, ABANDONED, "
                    + "BLOCKED_BY_REGULATOR, BLOCKED_BY_COURT).", Map.of("field", "status"));
        }
        if ((insee == null || insee.isBlank()) && (authorityCode == null || authorityCode.isBlank())) {
            throw new InvalidInputException("Précisez la commune (code INSEE) ou l'organisme concerné.",
                    Map.of("field", "insee"));
        }
        if (product != null && !product.isBlank() && (vendor == null || vendor.isBlank())) {
            throw new InvalidInputException("Un produit se rattache à un fournisseur : précisez le fournisseur.",
                    Map.of("field", "vendor"));
        }
        checkSince(since);
        checkCameraCount(cameraCount);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static void checkSince(Integer since) {
        if (since != null && (since < 1950 || since > 2100)) {
            throw new InvalidInputException("L'année de début « " + since + " » n'est pas plausible.",
                    Map.of("field", "since"));
        }
    }

    static void checkCameraCount(Integer cameraCount) {
        if (cameraCount != null && cameraCount < 0) {
            throw new InvalidInputException("Le nombre de caméras ne peut pas être négatif.",
                    Map.of("field", "cameraCount"));
        }
    }
}

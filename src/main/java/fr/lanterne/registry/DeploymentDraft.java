package fr.lanterne.registry;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A deployment to create. The operator is {@code authorityCode} when given (a préfecture, a région, the RATP...),
 * otherwise the town hall of {@code insee}.
 */
public record DeploymentDraft(@Size(max = 10) String insee,
                              @Size(max = 60) String authorityCode, Technology technology,
                              @Size(max = 120) @StoredIn("vendor.name") String vendor,
                              @Size(max = 200) @StoredIn("product.name") String product,
                              DeploymentStatus status, Integer since,
                              @Size(max = 500) @StoredIn("deployment.place") String place, Integer cameraCount,
                              @Size(max = 10_000) @StoredIn("deployment.summary") String summary,
                              @Size(max = 50) List<@Valid SourceDraft> sources) {

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

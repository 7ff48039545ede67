package fr.lanterne.registry;

import fr.lanterne.shared.NotFoundException;
import java.util.Map;

final class DeploymentNotFoundException extends NotFoundException {

    private DeploymentNotFoundException(String message, Map<String, Object> details) {
        super(message, details);
    }

    public static DeploymentNotFoundException forId(long id) {
        return new DeploymentNotFoundException("Aucun déploiement n'a le numéro " + id + " dans le registre.",
                Map.of("id", id));
    }
}

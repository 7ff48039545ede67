package fr.lanterne.registry;

/**
 * Changes to a deployment: a null field stays as it is; an empty text clears the field.
 *
 * @param expectedVersion the version the editor saw; a newer one means someone else edited meanwhile
 */
public record DeploymentChanges(Integer expectedVersion, Technology technology, String vendor, String product,
                                DeploymentStatus status, Integer since, String place, Integer cameraCount,
                                String summary) {

    public DeploymentChanges {
        DeploymentDraft.checkSince(since);
        DeploymentDraft.checkCameraCount(cameraCount);
    }
}

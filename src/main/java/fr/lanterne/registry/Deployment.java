package fr.lanterne.registry;

import java.time.Instant;
import java.util.List;

/**
 * A surveillance deployment: an authority × a technology × a vendor and product, with its status and sources.
 *
 * @param communeInsee where it is deployed (the operator may be a région or a transport company)
 * @param since the year it started, when known
 * @param version increases with each change; give it back when editing so that two edits never overwrite each other
 */
public record Deployment(long id, String authorityCode, String authorityName, String communeInsee, String communeName,
                         Technology technology, String vendor, String product, DeploymentStatus status, Integer since,
                         String place, Integer cameraCount, String summary, List<Source> sources, int version,
                         Instant createdAt, Instant updatedAt) {
}

package fr.lanterne.map;

import java.time.Instant;

/**
 * A recorded camera.
 *
 * @param version increases with each change; give it back when editing so that two edits never overwrite each other
 */
public record Camera(long id, String insee, String communeName, double lat, double lon, String cameraType,
                     Integer direction, String surveillance, boolean alpr, Boolean signVisible, Long deploymentId,
                     String walk, String note, boolean hasPhoto, String recordedBy, int version, Instant createdAt,
                     Instant updatedAt) {
}

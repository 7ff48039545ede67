package fr.lanterne.map;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a camera.
 *
 * @param action CREATED, UPDATED, PHOTO or DELETED
 * @param changes each changed field with its value before and after ({@code {"before": …, "after": …}}), or the
 *                values recorded
 */
public record CameraHistoryEntry(Instant changedAt, String changedBy, String action, Map<String, Object> changes) {
}

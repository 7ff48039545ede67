package fr.lanterne.registry;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a deployment.
 *
 * @param action CREATED, UPDATED, DELETED or SOURCE_ADDED
 * @param changes for an update, each changed field with its value before and after; otherwise the values recorded
 */
public record HistoryEntry(Instant changedAt, String changedBy, String action, Map<String, Object> changes) {
}

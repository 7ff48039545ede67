package fr.lanterne.map;

import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Technology;

/**
 * What the map shows: deployments of one technology, one vendor, one status, one year; null for any. The year is a
 * deployment's start year, a request's year of creation and a camera's year of recording. Technology, vendor and
 * status narrow the cameras to those tied to a matching deployment; requests have none of the three.
 */
public record MapFilter(Technology technology, String vendor, DeploymentStatus status, Integer year) {

    public static final MapFilter ALL = new MapFilter(null, null, null, null);

    String vendorName() {
        return vendor == null || vendor.isBlank() ? null : vendor.strip();
    }

    boolean narrowsDeployments() {
        return technology != null || vendorName() != null || status != null;
    }
}

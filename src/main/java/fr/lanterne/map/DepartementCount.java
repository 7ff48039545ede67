package fr.lanterne.map;

/**
 * What is documented in one département.
 *
 * @param cameras cameras recorded on foot
 * @param registryCameras the cameras the registry's deployments declare (their {@code cameraCount}, added up)
 */
public record DepartementCount(String code, String name, double lat, double lon, int deployments, int requests,
                               int cameras, int registryCameras) {
}

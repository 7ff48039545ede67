package fr.lanterne.map;

/** Distances on the sphere, enough to tell which of two towns a camera is nearer. */
final class Geo {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private Geo() {
    }

    /** Haversine distance in metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1), dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

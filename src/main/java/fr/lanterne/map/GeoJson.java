package fr.lanterne.map;

import java.util.List;
import java.util.Map;

/**
 * An RFC 7946 FeatureCollection of points: WGS84, coordinates in [longitude, latitude] order, as OpenStreetMap
 * tools read it. Properties carry OSM's tags by their OSM keys ({@code man_made}, {@code camera:type}…) and
 * Lanterne's own facts under the {@code lanterne:} prefix, which OSM does not use.
 */
public record GeoJson(String type, List<Feature> features) {

    public static final String MEDIA_TYPE = "application/geo+json";

    public GeoJson(List<Feature> features) {
        this("FeatureCollection", features);
    }

    public record Feature(String type, String id, Point geometry, Map<String, Object> properties) {

        Feature(String id, double lat, double lon, Map<String, Object> properties) {
            this("Feature", id, new Point("Point", new double[] {lon, lat}), properties);
        }
    }

    /** @param coordinates [longitude, latitude], six decimals (about 10 cm) */
    public record Point(String type, double[] coordinates) {
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}

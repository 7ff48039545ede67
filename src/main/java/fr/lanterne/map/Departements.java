package fr.lanterne.map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 101 départements as the map ships them (Natural Earth's outlines, simplified; see {@code NOTICE} and
 * {@code config/map/departements.py}): a label position for each, where a town without a position of its own is
 * drawn, and the outlines, to tell which département a point is in.
 */
@Component
class Departements {

    record Position(String code, String name, double lat, double lon) {
    }

    /** One outer ring per polygon, as [lon, lat] pairs; holes are too small at this scale to matter. */
    private record Shape(String code, List<double[][]> rings) {
    }

    static final String OUTLINES = "static/map/departements.geojson";

    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final List<Shape> shapes = new ArrayList<>();

    Departements() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = new ClassPathResource("map/departements.csv").getInputStream();
             CSVParser parser = CSVParser.builder()
                     .setReader(new InputStreamReader(in, StandardCharsets.UTF_8)).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                String code = row.get("code");
                positions.put(code, new Position(code, row.get("nom"), Double.parseDouble(row.get("lat")),
                        Double.parseDouble(row.get("lon"))));
            }
            try (InputStream outlines = new ClassPathResource(OUTLINES).getInputStream()) {
                JsonNode root = JsonMapper.builder().build().readTree(outlines);
                for (JsonNode feature : root.get("features")) {
                    List<double[][]> rings = new ArrayList<>();
                    for (JsonNode polygon : feature.get("geometry").get("coordinates")) {
                        JsonNode ring = polygon.get(0);
                        double[][] points = new double[ring.size()][];
                        for (int i = 0; i < ring.size(); i++) {
                            points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
                        }
                        rings.add(points);
                    }
                    shapes.add(new Shape(feature.get("properties").get("code").asString(), rings));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The département data shipped in the jar cannot be read", e);
        }
    }

    /** The département's label position; for a commune's code, that of its département. */
    Optional<Position> position(String departement) {
        return Optional.ofNullable(positions.get(departement));
    }

    static String ofInsee(String insee) {
        return insee.startsWith("97") ? insee.substring(0, 3) : insee.substring(0, 2);
    }

    /** How far outside its simplified outline a point may be and still be in a département (coasts, borders). */
    static final double MARGIN_METRES = 3000;

    /**
     * The département whose outline holds the point, or whose outline passes within {@link #MARGIN_METRES}; empty
     * for a point outside France (Turin, Geneva's centre) even where France's rough box holds it.
     */
    Optional<String> containing(double lat, double lon) {
        for (Shape shape : shapes) {
            for (double[][] ring : shape.rings()) {
                if (inside(ring, lon, lat)) {
                    return Optional.of(shape.code());
                }
            }
        }
        String nearest = null;
        double best = MARGIN_METRES;
        for (Shape shape : shapes) {
            for (double[][] ring : shape.rings()) {
                for (int i = 1; i < ring.length; i++) {
                    double d = toSegment(lat, lon, ring[i - 1], ring[i]);
                    if (d <= best) {
                        best = d;
                        nearest = shape.code();
                    }
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Metres from a point to a segment of [lon, lat] pairs, on a plane scaled at the point's latitude. */
    static double toSegment(double lat, double lon, double[] a, double[] b) {
        double k = Math.cos(Math.toRadians(lat)), metresPerDegree = 111_195;
        double ax = (a[0] - lon) * k, ay = a[1] - lat, bx = (b[0] - lon) * k, by = b[1] - lat;
        double dx = bx - ax, dy = by - ay, length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
        double x = ax + t * dx, y = ay + t * dy;
        return Math.sqrt(x * x + y * y) * metresPerDegree;
    }

    /** Ray casting on [lon, lat] pairs. */
    static boolean inside(double[][] ring, double x, double y) {
        boolean in = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    Map<String, Position> all() {
        return positions;
    }
}

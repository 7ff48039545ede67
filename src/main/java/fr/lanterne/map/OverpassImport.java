package fr.lanterne.map;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.CommuneKind;
import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Overpass export of {@code man_made=surveillance} (GeoJSON, as overpass turbo writes it: tags as the
 * properties, or under {@code properties.tags} in older exports) and compares it with the registry and the walks.
 * Lanterne ships no commune outlines, so a node is placed in a town by its {@code addr:city} tag when it has one,
 * else in the town of the nearest camera recorded on a walk within {@value #NEAR_METRES} m; its département comes
 * from the département outlines.
 */
@Service
public class OverpassImport {

    static final int NEAR_METRES = 1000;
    static final int SAME_METRES = 25;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Departements departements;
    private final MapStore store;
    private final Authorities authorities;

    OverpassImport(Departements departements, MapStore store, Authorities authorities) {
        this.departements = departements;
        this.store = store;
        this.authorities = authorities;
    }

    private record Node(double lat, double lon, String city) {
    }

    public OverpassComparison compare(byte[] file) {
        List<JsonNode> features = features(file);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode properties = feature.path("properties");
            JsonNode tags = properties.path("tags").isObject() ? properties.path("tags") : properties;
            double[] at = position(feature.path("geometry"), i);
            if ("surveillance".equals(tags.path("man_made").asString(null))) {
                nodes.add(new Node(at[0], at[1], tags.path("addr:city").asString(null)));
            }
        }
        List<MapStore.Point> recorded = store.cameraPoints();
        Map<String, Integer> registry = store.registryCameraCounts();
        Map<String, Integer> osm = new HashMap<>(), matched = new HashMap<>();
        Map<String, Integer> withoutTown = new TreeMap<>();
        TreeSet<String> seenDepartements = new TreeSet<>();
        Map<String, Optional<String>> cities = new HashMap<>();
        int outside = 0;
        for (Node node : nodes) {
            Optional<String> found = FranceBounds.inFrance(node.lat(), node.lon())
                    ? departements.containing(node.lat(), node.lon()) : Optional.empty();
            if (found.isEmpty()) {
                outside++;
                continue;
            }
            String departement = found.get();
            seenDepartements.add(departement);
            String insee = node.city() == null ? null : cities.computeIfAbsent(departement + "/" + node.city(),
                    key -> town(node.city(), departement)).orElse(null);
            MapStore.Point nearest = nearest(recorded, node);
            double distance = nearest == null ? Double.MAX_VALUE
                    : Geo.metres(node.lat(), node.lon(), nearest.lat(), nearest.lon());
            if (insee == null && distance <= NEAR_METRES) {
                insee = nearest.insee();
            }
            if (insee == null) {
                withoutTown.merge(departement, 1, Integer::sum);
                continue;
            }
            osm.merge(insee, 1, Integer::sum);
            if (distance <= SAME_METRES && nearest.insee().equals(insee)) {
                matched.merge(insee, 1, Integer::sum);
            }
        }
        Map<String, Integer> recordedByTown = new HashMap<>();
        recorded.forEach(p -> recordedByTown.merge(p.insee(), 1, Integer::sum));
        TreeSet<String> towns = new TreeSet<>(osm.keySet());
        for (String insee : concat(registry.keySet(), recordedByTown.keySet())) {
            if (seenDepartements.contains(Departements.ofInsee(insee))) {
                towns.add(insee);
            }
        }
        Map<String, String> names = authorities.communeNames(towns);
        List<OverpassComparison.TownLine> lines = towns.stream().map(insee -> new OverpassComparison.TownLine(insee,
                names.get(insee), osm.getOrDefault(insee, 0), registry.get(insee),
                recordedByTown.getOrDefault(insee, 0), matched.getOrDefault(insee, 0))).toList();
        return new OverpassComparison(features.size(), nodes.size(), outside, lines, withoutTown.entrySet().stream()
                .map(e -> new OverpassComparison.DepartementLine(e.getKey(), e.getValue())).toList());
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Optional<String> town(String city, String departement) {
        return authorities.search(city, 20).stream()
                .filter(c -> c.kind() == CommuneKind.COMMUNE && c.current() && departement.equals(c.departement()))
                .map(Commune::insee).findFirst();
    }

    private static MapStore.Point nearest(List<MapStore.Point> points, Node node) {
        MapStore.Point best = null;
        double bestDistance = Double.MAX_VALUE;
        for (MapStore.Point p : points) {
            double d = Geo.metres(node.lat(), node.lon(), p.lat(), p.lon());
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    private static List<JsonNode> features(byte[] file) {
        JsonNode root;
        try {
            root = file == null || file.length == 0 ? null : JSON.readTree(file);
        } catch (JacksonException e) {
            throw refused("Le fichier n’est pas du JSON lisible (" + where(e) + ") : exportez la requête Overpass "
                    + "en GeoJSON (overpass turbo, « Exporter », « GeoJSON »).");
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(null))
                || !root.path("features").isArray()) {
            throw refused("Le fichier n’est pas une FeatureCollection GeoJSON (il faut un objet avec "
                    + "\"type\": \"FeatureCollection\" et une liste \"features\") : exportez la requête Overpass en "
                    + "GeoJSON.");
        }
        List<JsonNode> features = new ArrayList<>();
        root.path("features").forEach(features::add);
        return features;
    }

    /** [lat, lon] of a point, or the mean of a way's points (a camera mapped as a small area). */
    private static double[] position(JsonNode geometry, int index) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        List<JsonNode> points = new ArrayList<>();
        switch (type) {
            case "Point" -> points.add(coordinates);
            case "LineString", "MultiPoint" -> coordinates.forEach(points::add);
            case "Polygon" -> coordinates.path(0).forEach(points::add);
            default -> throw refused("L’objet n° " + (index + 1) + " n’a pas de géométrie lisible (Point, LineString "
                    + "ou Polygon attendu, « " + (type.isEmpty() ? "aucune" : type) + " » trouvé) : rien n’a été "
                    + "importé.");
        }
        double lat = 0, lon = 0;
        for (JsonNode point : points) {
            if (!point.isArray() || point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()
                    || Math.abs(point.get(1).asDouble()) > 90 || Math.abs(point.get(0).asDouble()) > 180) {
                throw refused("L’objet n° " + (index + 1) + " a des coordonnées invalides (il faut [longitude, "
                        + "latitude] en degrés) : rien n’a été importé.");
            }
            lon += point.get(0).asDouble();
            lat += point.get(1).asDouble();
        }
        if (points.isEmpty()) {
            throw refused("L’objet n° " + (index + 1) + " n’a aucune coordonnée : rien n’a été importé.");
        }
        return new double[] {lat / points.size(), lon / points.size()};
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "contenu illisible"
                : "ligne " + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr();
    }

    private static InvalidInputException refused(String sentence) {
        return new InvalidInputException(sentence, Map.of("field", "file"));
    }
}

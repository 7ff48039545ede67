package fr.lanterne.map;

import fr.lanterne.shared.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Where a camera of a French commune may stand: a rough box around each part of France whose communes are in the
 * official list (metropolitan France with Corsica, the five overseas départements, Saint-Pierre-et-Miquelon,
 * Saint-Barthélemy and Saint-Martin). The box is the one of the commune's own département, so that a latitude and a
 * longitude swapped, or a camera placed in Martinique for a commune of the Alpes, is refused. The boxes are wider
 * than the coasts by a few kilometres (islands, rounding); they check a mistake, not a border.
 */
final class FranceBounds {

    record Box(String name, double south, double north, double west, double east) {
        boolean contains(double lat, double lon) {
            return lat >= south && lat <= north && lon >= west && lon <= east;
        }
    }

    static final Box METROPOLE = new Box("la France métropolitaine", 41.3, 51.2, -5.3, 9.7);

    private static final Map<String, Box> OVERSEAS = Map.of(
            "971", new Box("la Guadeloupe", 15.8, 16.6, -61.9, -60.9),
            "972", new Box("la Martinique", 14.3, 14.95, -61.3, -60.75),
            "973", new Box("la Guyane", 2.0, 5.9, -54.7, -51.5),
            "974", new Box("La Réunion", -21.45, -20.8, 55.15, 55.9),
            "975", new Box("Saint-Pierre-et-Miquelon", 46.7, 47.2, -56.5, -56.1),
            "976", new Box("Mayotte", -13.1, -12.55, 44.9, 45.35),
            "977", new Box("Saint-Barthélemy", 17.85, 17.98, -62.95, -62.75),
            "978", new Box("Saint-Martin", 18.0, 18.15, -63.2, -62.95));

    static final List<Box> ALL = List.of(METROPOLE, OVERSEAS.get("971"), OVERSEAS.get("972"), OVERSEAS.get("973"),
            OVERSEAS.get("974"), OVERSEAS.get("975"), OVERSEAS.get("976"), OVERSEAS.get("977"), OVERSEAS.get("978"));

    private FranceBounds() {
    }

    /** The box of a commune's part of France, from its INSEE code. */
    static Box of(String insee) {
        return insee.startsWith("97") ? OVERSEAS.getOrDefault(insee.substring(0, 3), METROPOLE) : METROPOLE;
    }

    static boolean inFrance(double lat, double lon) {
        return ALL.stream().anyMatch(box -> box.contains(lat, lon));
    }

    /** Refuses a position outside the commune's part of France, saying where it is expected. */
    static void check(String insee, String communeName, double lat, double lon) {
        Box box = of(insee);
        if (box.contains(lat, lon)) {
            return;
        }
        String where = inFrance(lat, lon) ? "est en France mais pas dans " + box.name()
                : inFrance(lon, lat) ? "est hors de France ; la latitude et la longitude semblent inversées"
                : "est hors de France";
        throw new InvalidInputException("La position " + lat + ", " + lon + " " + where + ", où se trouve "
                + communeName + " (" + insee + "). Donnez la latitude (« lat ») et la longitude (« lon ») en "
                + "degrés décimaux WGS84, comme un téléphone les donne.",
                Map.of("field", "lat", "lat", lat, "lon", lon));
    }
}

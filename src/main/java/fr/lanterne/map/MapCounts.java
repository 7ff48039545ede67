package fr.lanterne.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What {@code /carte} and the open-data exports show: the counts of each département, the documented towns, the
 * registry and the recorded cameras as GeoJSON. A town has no position of its own in the data Lanterne ships: it is
 * drawn where its recorded cameras are (their mean), and otherwise at its département's label position.
 */
@Service
public class MapCounts {

    /** Where a town's marker comes from, as the {@code lanterne:position} property says. */
    static final String FROM_CAMERAS = "cameras", FROM_DEPARTEMENT = "departement";

    private final MapStore store;
    private final Departements departements;

    MapCounts(MapStore store, Departements departements) {
        this.store = store;
        this.departements = departements;
    }

    /** Every département, documented or not, in code order. */
    public List<DepartementCount> departements(MapFilter filter) {
        Map<String, MapStore.Count> deployments = byKey(store.deploymentsByDepartement(filter));
        Map<String, MapStore.Count> requests = byKey(store.requestsByDepartement(filter));
        Map<String, MapStore.Count> cameras = byKey(store.camerasByDepartement(filter));
        List<DepartementCount> counts = new ArrayList<>();
        for (Departements.Position p : departements.all().values()) {
            MapStore.Count d = deployments.get(p.code());
            counts.add(new DepartementCount(p.code(), p.name(), p.lat(), p.lon(), d == null ? 0 : d.count(),
                    count(requests, p.code()), count(cameras, p.code()), d == null ? 0 : d.cameras()));
        }
        return counts;
    }

    /**
     * A documented town on the map.
     *
     * @param technologies the technologies of its deployments, by their enum names
     * @param answered its town hall's requests with an answer, in full or in part
     * @param position {@code cameras} or {@code departement}: where the marker's position comes from
     */
    public record Town(String insee, String name, double lat, double lon, String position, int deployments,
                       List<String> technologies, int requests, int answered, int cameras) {
    }

    /** @param departement one département's towns; null for all of France */
    public List<Town> towns(String departement, MapFilter filter) {
        Map<String, MapStore.Mean> means = store.cameraMeans();
        List<Town> towns = new ArrayList<>();
        for (MapStore.TownRow row : store.towns(departement, filter)) {
            if (filter.narrowsDeployments() && row.deployments() == 0) {
                continue;
            }
            double[] at = position(row.insee(), means);
            if (at == null) {
                continue;
            }
            towns.add(new Town(row.insee(), row.name(), at[0], at[1],
                    means.containsKey(row.insee()) ? FROM_CAMERAS : FROM_DEPARTEMENT, row.deployments(),
                    row.technologies() == null ? List.of() : Arrays.asList(row.technologies().split(",")),
                    row.requests(), row.answered(), row.cameras()));
        }
        return towns;
    }

    /** The registry's deployments with a town, each at its town's position. */
    public GeoJson deployments(MapFilter filter) {
        Map<String, MapStore.Mean> means = store.cameraMeans();
        List<GeoJson.Feature> features = new ArrayList<>();
        for (MapStore.DeploymentRow row : store.deployments(filter)) {
            double[] at = position(row.insee(), means);
            if (at == null) {
                continue;
            }
            features.add(new GeoJson.Feature("deployment/" + row.id(), at[0], at[1], OsmTags.deployment(row,
                    means.containsKey(row.insee()) ? FROM_CAMERAS : FROM_DEPARTEMENT)));
        }
        return new GeoJson(features);
    }

    /** @return [lat, lon], or null for a code of no known département */
    private double[] position(String insee, Map<String, MapStore.Mean> means) {
        MapStore.Mean mean = means.get(insee);
        if (mean != null) {
            return new double[] {GeoJson.round(mean.lat()), GeoJson.round(mean.lon())};
        }
        return departements.position(Departements.ofInsee(insee)).map(p -> new double[] {p.lat(), p.lon()})
                .orElse(null);
    }

    public List<DeploymentLine> deploymentLines(MapFilter filter) {
        Map<String, MapStore.Mean> means = store.cameraMeans();
        List<DeploymentLine> lines = new ArrayList<>();
        for (MapStore.DeploymentRow row : store.deployments(filter)) {
            double[] at = position(row.insee(), means);
            lines.add(new DeploymentLine(row.id(), row.insee(), row.commune(), row.authority(), row.technology(),
                    row.vendor(), row.product(), row.status(), row.since(), row.cameraCount(),
                    at == null ? null : at[0], at == null ? null : at[1]));
        }
        return lines;
    }

    /** One deployment as a CSV line. */
    public record DeploymentLine(long id, String insee, String commune, String authority, String technology,
                                 String vendor, String product, String status, Integer since, Integer cameraCount,
                                 Double lat, Double lon) {
    }

    private static Map<String, MapStore.Count> byKey(List<MapStore.Count> counts) {
        Map<String, MapStore.Count> byKey = new HashMap<>();
        counts.forEach(count -> byKey.put(count.key(), count));
        return byKey;
    }

    private static int count(Map<String, MapStore.Count> counts, String key) {
        MapStore.Count count = counts.get(key);
        return count == null ? 0 : count.count();
    }
}

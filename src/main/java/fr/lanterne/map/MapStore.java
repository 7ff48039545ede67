package fr.lanterne.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The map's reads: counts and rows for all of France in a few grouped queries, so that {@code /carte} stays fast
 * with tens of thousands of rows. They read the registry's and the requests' tables directly (read only): going
 * through those modules one deployment at a time would cost a query per town.
 */
@Repository
class MapStore {

    /** A commune's département from its INSEE code: three characters overseas (971…), two elsewhere (2A…). */
    private static final String DEPARTEMENT_OF = "CASE WHEN %1$s LIKE '97%%' THEN LEFT(%1$s, 3) ELSE LEFT(%1$s, 2) END";

    private static final String DEPLOYMENT_FILTER = " " + """
             d.deleted = FALSE AND d.commune_insee IS NOT NULL
             AND (:technology IS NULL OR d.technology = :technology)
             AND (:vendor IS NULL OR v.name = :vendor)
             AND (:status IS NULL OR d.status = :status)
             AND (:year IS NULL OR d.since_year = :year)""";

    record Count(String key, int count, int cameras) {
    }

    record DeploymentRow(long id, String insee, String commune, String authority, String technology, String vendor,
                         String product, String status, Integer since, Integer cameraCount) {
    }

    record TownRow(String insee, String name, int deployments, String technologies, int requests, int answered,
                   int cameras) {
    }

    record Mean(double lat, double lon) {
    }

    private final JdbcClient jdbc;

    MapStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private JdbcClient.StatementSpec filtered(String sql, MapFilter filter) {
        return jdbc.sql(sql)
                .param("technology", filter.technology() == null ? null : filter.technology().name())
                .param("vendor", filter.vendorName())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("year", filter.year());
    }

    List<Count> deploymentsByDepartement(MapFilter filter) {
        return filtered("SELECT " + DEPARTEMENT_OF.formatted("d.commune_insee") + " AS k, COUNT(*) AS n, "
                + "COALESCE(SUM(d.camera_count), 0) AS cams FROM deployment d LEFT JOIN vendor v ON v.id = d.vendor_id "
                + "WHERE" + DEPLOYMENT_FILTER + " GROUP BY k", filter)
                .query((rs, n) -> new Count(rs.getString("k"), rs.getInt("n"), rs.getInt("cams"))).list();
    }

    List<Count> requestsByDepartement(MapFilter filter) {
        return jdbc.sql("SELECT departement AS k, COUNT(*) AS n FROM request WHERE departement IS NOT NULL "
                        + "AND (:year IS NULL OR YEAR(created_at) = :year) GROUP BY departement")
                .param("year", filter.year())
                .query((rs, n) -> new Count(rs.getString("k"), rs.getInt("n"), 0)).list();
    }

    List<Count> camerasByDepartement(MapFilter filter) {
        return filtered("SELECT " + DEPARTEMENT_OF.formatted("k.commune_insee") + " AS k, COUNT(*) AS n "
                + "FROM camera k LEFT JOIN deployment d ON d.id = k.deployment_id "
                + "LEFT JOIN vendor v ON v.id = d.vendor_id WHERE k.deleted = FALSE "
                + "AND (:year IS NULL OR YEAR(k.created_at) = :year) "
                + (filter.narrowsDeployments() ? "AND d.id IS NOT NULL AND " + DEPLOYMENT_FILTER.replace(
                        "AND (:year IS NULL OR d.since_year = :year)", "") : "")
                + " GROUP BY k", filter)
                .query((rs, n) -> new Count(rs.getString("k"), rs.getInt("n"), 0)).list();
    }

    List<DeploymentRow> deployments(MapFilter filter) {
        return filtered("""
                SELECT d.id, d.commune_insee, c.name AS commune, a.name AS authority, d.technology,
                       v.name AS vendor, p.name AS product, d.status, d.since_year, d.camera_count
                FROM deployment d
                LEFT JOIN commune c ON c.insee = d.commune_insee AND c.kind = 'COMMUNE'
                LEFT JOIN authority a ON a.id = d.authority_id
                LEFT JOIN vendor v ON v.id = d.vendor_id
                LEFT JOIN product p ON p.id = d.product_id
                WHERE""" + DEPLOYMENT_FILTER + " ORDER BY d.id", filter)
                .query((rs, n) -> new DeploymentRow(rs.getLong("id"), rs.getString("commune_insee"),
                        rs.getString("commune"), rs.getString("authority"), rs.getString("technology"),
                        rs.getString("vendor"), rs.getString("product"), rs.getString("status"),
                        rs.getObject("since_year", Integer.class), rs.getObject("camera_count", Integer.class)))
                .list();
    }

    /** Towns with a deployment, a request to their town hall or a recorded camera, in one département or all. */
    List<TownRow> towns(String departement, MapFilter filter) {
        String inDepartement = departement == null ? "" : " AND " + DEPARTEMENT_OF.formatted("t.insee") + " = :dep";
        return filtered("""
                SELECT t.insee, c.name, COALESCE(dd.n, 0) AS deployments, dd.technologies,
                       COALESCE(rr.n, 0) AS requests, COALESCE(rr.answered, 0) AS answered, COALESCE(kk.n, 0) AS cameras
                FROM (SELECT d.commune_insee AS insee FROM deployment d LEFT JOIN vendor v ON v.id = d.vendor_id
                      WHERE""" + DEPLOYMENT_FILTER + """

                      UNION SELECT a.commune_insee FROM request r JOIN authority a ON a.id = r.authority_id
                      WHERE a.kind = 'TOWN_HALL' AND a.commune_insee IS NOT NULL
                      UNION SELECT commune_insee FROM camera WHERE deleted = FALSE) t
                LEFT JOIN commune c ON c.insee = t.insee AND c.kind = 'COMMUNE'
                LEFT JOIN (SELECT d.commune_insee AS insee, COUNT(*) AS n,
                                  GROUP_CONCAT(DISTINCT d.technology ORDER BY d.technology) AS technologies
                           FROM deployment d LEFT JOIN vendor v ON v.id = d.vendor_id
                           WHERE""" + DEPLOYMENT_FILTER + """

                           GROUP BY d.commune_insee) dd ON dd.insee = t.insee
                LEFT JOIN (SELECT a.commune_insee AS insee, COUNT(*) AS n,
                                  SUM(r.answered_on IS NOT NULL OR r.partial_answer_on IS NOT NULL) AS answered
                           FROM request r JOIN authority a ON a.id = r.authority_id
                           WHERE a.kind = 'TOWN_HALL' GROUP BY a.commune_insee) rr ON rr.insee = t.insee
                LEFT JOIN (SELECT commune_insee AS insee, COUNT(*) AS n FROM camera WHERE deleted = FALSE
                           GROUP BY commune_insee) kk ON kk.insee = t.insee
                WHERE t.insee IS NOT NULL""" + inDepartement + " ORDER BY t.insee", filter)
                .param("dep", departement)
                .query((rs, n) -> new TownRow(rs.getString("insee"), rs.getString("name"), rs.getInt("deployments"),
                        rs.getString("technologies"), rs.getInt("requests"), rs.getInt("answered"),
                        rs.getInt("cameras")))
                .list();
    }

    /** Where each town's recorded cameras are, on average: the town's position when it has no other. */
    Map<String, Mean> cameraMeans() {
        Map<String, Mean> means = new HashMap<>();
        jdbc.sql("SELECT commune_insee, AVG(lat), AVG(lon) FROM camera WHERE deleted = FALSE GROUP BY commune_insee")
                .query(rs -> {
                    means.put(rs.getString(1), new Mean(rs.getDouble(2), rs.getDouble(3)));
                });
        return means;
    }

    /** The cameras the registry declares in each town (its deployments' {@code cameraCount}, added up). */
    Map<String, Integer> registryCameraCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT commune_insee, SUM(camera_count) FROM deployment WHERE deleted = FALSE "
                        + "AND commune_insee IS NOT NULL AND camera_count IS NOT NULL GROUP BY commune_insee")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    record Point(String insee, double lat, double lon) {
    }

    List<Point> cameraPoints() {
        return jdbc.sql("SELECT commune_insee, lat, lon FROM camera WHERE deleted = FALSE")
                .query((rs, n) -> new Point(rs.getString(1), rs.getDouble(2), rs.getDouble(3))).list();
    }
}

package fr.lanterne.map;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The camera and camera_history tables. */
@Repository
class CameraStore {

    private static final String SELECT = """
            SELECT c.id, c.commune_insee, m.name AS commune_name, c.lat, c.lon, c.camera_type, c.direction,
                   c.surveillance, c.alpr, c.sign_visible, c.deployment_id, c.walk, c.note,
                   c.photo IS NOT NULL AS has_photo, c.recorded_by, c.version, c.created_at, c.updated_at
            FROM camera c LEFT JOIN commune m ON m.insee = c.commune_insee AND m.kind = 'COMMUNE'
            WHERE c.deleted = FALSE
            """;

    private final JdbcClient jdbc;

    CameraStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CameraDraft draft, String by, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO camera (commune_insee, lat, lon, camera_type, direction, surveillance, alpr,
                                            sign_visible, deployment_id, walk, note, recorded_by, created_at,
                                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.insee(), draft.lat(), draft.lon(), draft.cameraType(), draft.direction(),
                        draft.surveillance(), Boolean.TRUE.equals(draft.alpr()), draft.signVisible(),
                        draft.deploymentId(), draft.walkName(), draft.noteText(), by, Timestamp.from(now),
                        Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** @return false when the version is no longer the current one */
    boolean update(long id, int version, CameraDraft draft, Instant now) {
        return jdbc.sql("""
                        UPDATE camera SET commune_insee = ?, lat = ?, lon = ?, camera_type = ?, direction = ?,
                               surveillance = ?, alpr = ?, sign_visible = ?, deployment_id = ?, walk = ?, note = ?,
                               version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ? AND deleted = FALSE""")
                .params(draft.insee(), draft.lat(), draft.lon(), draft.cameraType(), draft.direction(),
                        draft.surveillance(), Boolean.TRUE.equals(draft.alpr()), draft.signVisible(),
                        draft.deploymentId(), draft.walkName(), draft.noteText(), Timestamp.from(now), id, version)
                .update() == 1;
    }

    boolean delete(long id, int version, Instant now) {
        return jdbc.sql("UPDATE camera SET deleted = TRUE, version = version + 1, updated_at = ? "
                        + "WHERE id = ? AND version = ? AND deleted = FALSE")
                .params(Timestamp.from(now), id, version).update() == 1;
    }

    void setPhoto(long id, byte[] jpeg, Instant now) {
        jdbc.sql("UPDATE camera SET photo = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(jpeg, Timestamp.from(now), id).update();
    }

    Optional<byte[]> photo(long id) {
        return jdbc.sql("SELECT photo FROM camera WHERE id = ? AND deleted = FALSE AND photo IS NOT NULL")
                .param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<Camera> find(long id) {
        return jdbc.sql(SELECT + " AND c.id = ?").param(id).query(CameraStore::camera).optional();
    }

    /**
     * @param insee null for all towns
     * @param walk null for all walks
     */
    List<Camera> list(String insee, String walk, int limit) {
        return jdbc.sql(SELECT + " AND (? IS NULL OR c.commune_insee = ?) AND (? IS NULL OR c.walk = ?) "
                        + "ORDER BY c.id LIMIT ?")
                .params(insee, insee, walk, walk, limit).query(CameraStore::camera).list();
    }

    void history(long cameraId, String action, String by, Instant at, String changesJson) {
        jdbc.sql("INSERT INTO camera_history (camera_id, action, changed_by, changed_at, changes) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(cameraId, action, by, Timestamp.from(at), changesJson).update();
    }

    record HistoryRow(Instant at, String by, String action, String changes) {
    }

    List<HistoryRow> history(long cameraId) {
        return jdbc.sql("SELECT changed_at, changed_by, action, changes FROM camera_history WHERE camera_id = ? "
                        + "ORDER BY id")
                .param(cameraId).query((rs, n) -> new HistoryRow(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    private static Camera camera(ResultSet rs, int row) throws SQLException {
        return new Camera(rs.getLong("id"), rs.getString("commune_insee"), rs.getString("commune_name"),
                rs.getBigDecimal("lat").doubleValue(), rs.getBigDecimal("lon").doubleValue(),
                rs.getString("camera_type"), rs.getObject("direction", Integer.class), rs.getString("surveillance"),
                rs.getBoolean("alpr"), rs.getObject("sign_visible", Boolean.class),
                rs.getObject("deployment_id", Long.class), rs.getString("walk"), rs.getString("note"),
                rs.getBoolean("has_photo"), rs.getString("recorded_by"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}

package fr.lanterne.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the registry. Rows carry authority ids and INSEE codes; names come from the authorities module. */
@Repository
class RegistryStore {

    /** A deployment as stored, before authority and commune names are added. */
    record Row(long id, long authorityId, String communeInsee, Technology technology, Long vendorId, String vendor,
               Long productId, String product, DeploymentStatus status, Integer since, String place,
               Integer cameraCount, String summary, boolean deleted, int version, Timestamp createdAt,
               Timestamp updatedAt) {
    }

    private static final String ROW_COLUMNS = """
            SELECT d.id, d.authority_id, d.commune_insee, d.technology, d.vendor_id, v.name AS vendor, d.product_id,
                   p.name AS product, d.status, d.since_year, d.place, d.camera_count, d.summary, d.deleted, d.version,
                   d.created_at, d.updated_at
            FROM deployment d
            LEFT JOIN vendor v ON v.id = d.vendor_id
            LEFT JOIN product p ON p.id = d.product_id
            """;

    private final JdbcClient jdbc;

    RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> find(DeploymentQuery query) {
        StringBuilder sql = new StringBuilder(ROW_COLUMNS).append(" WHERE NOT d.deleted");
        List<Object> params = new ArrayList<>();
        if (query.insee() != null) {
            sql.append(" AND d.commune_insee = ?");
            params.add(query.insee());
        }
        if (query.departement() != null) {
            sql.append(" AND d.commune_insee LIKE ?");
            params.add(query.departement() + "%");
        }
        if (query.vendor() != null) {
            // The column's collation ignores case and accents: "briefcam" finds "Briefcam".
            sql.append(" AND v.name = ?");
            params.add(query.vendor());
        }
        if (query.technology() != null) {
            sql.append(" AND d.technology = ?");
            params.add(query.technology().name());
        }
        if (query.status() != null) {
            sql.append(" AND d.status = ?");
            params.add(query.status().name());
        }
        if (query.authorityId() != null) {
            sql.append(" AND d.authority_id = ?");
            params.add(query.authorityId());
        }
        sql.append(" ORDER BY d.commune_insee, d.technology, d.id LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return jdbc.sql(sql.toString()).params(params).query(RegistryStore::row).list();
    }

    List<String> communesWithDeployments() {
        return jdbc.sql("SELECT DISTINCT commune_insee FROM deployment WHERE NOT deleted AND commune_insee IS NOT NULL "
                + "ORDER BY commune_insee").query(String.class).list();
    }

    Optional<Row> row(long id) {
        return jdbc.sql(ROW_COLUMNS + " WHERE d.id = ?").param(id).query(RegistryStore::row).optional();
    }

    Optional<Long> idBySeedKey(String seedKey) {
        return jdbc.sql("SELECT id FROM deployment WHERE seed_key = ?").param(seedKey).query(Long.class).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("authority_id"), rs.getString("commune_insee"),
                Technology.valueOf(rs.getString("technology")), rs.getObject("vendor_id", Long.class),
                rs.getString("vendor"), rs.getObject("product_id", Long.class), rs.getString("product"),
                DeploymentStatus.valueOf(rs.getString("status")), rs.getObject("since_year", Integer.class),
                rs.getString("place"), rs.getObject("camera_count", Integer.class), rs.getString("summary"),
                rs.getBoolean("deleted"), rs.getInt("version"), rs.getTimestamp("created_at"),
                rs.getTimestamp("updated_at"));
    }

    long insert(long authorityId, String communeInsee, Technology technology, Long vendorId, Long productId,
                DeploymentStatus status, Integer since, String place, Integer cameraCount, String summary,
                String seedKey, Timestamp now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO deployment (authority_id, commune_insee, technology, vendor_id, product_id, status,
                            since_year, place, camera_count, summary, seed_key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, communeInsee, technology.name(), vendorId, productId, status.name(), since, place,
                        cameraCount, summary, seedKey, now, now)
                .update(key);
        return key.getKey().longValue();
    }

    /** @return false when the version moved on: someone else changed the deployment meanwhile */
    boolean update(Row changed, int expectedVersion, Timestamp now) {
        return jdbc.sql("""
                        UPDATE deployment SET technology = ?, vendor_id = ?, product_id = ?, status = ?, since_year = ?,
                            place = ?, camera_count = ?, summary = ?, version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ? AND NOT deleted""")
                .params(changed.technology().name(), changed.vendorId(), changed.productId(), changed.status().name(),
                        changed.since(), changed.place(), changed.cameraCount(), changed.summary(), now, changed.id(),
                        expectedVersion)
                .update() == 1;
    }

    boolean markDeleted(long id, int expectedVersion, Timestamp now) {
        return jdbc.sql("""
                        UPDATE deployment SET deleted = TRUE, version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ? AND NOT deleted""")
                .params(now, id, expectedVersion)
                .update() == 1;
    }

    void touch(long id, Timestamp now) {
        jdbc.sql("UPDATE deployment SET version = version + 1, updated_at = ? WHERE id = ?").params(now, id).update();
    }

    // --- sources -----------------------------------------------------------------------------------------------

    Map<Long, List<Source>> sources(List<Long> deploymentIds) {
        Map<Long, List<Source>> sources = new HashMap<>();
        if (deploymentIds.isEmpty()) {
            return sources;
        }
        String placeholders = String.join(", ", deploymentIds.stream().map(id -> "?").toList());
        jdbc.sql("""
                        SELECT id, deployment_id, url, title, quote, document_sha256, seen_on, added_at, added_by
                        FROM deployment_source WHERE deployment_id IN (""" + placeholders + ") ORDER BY id")
                .params(deploymentIds)
                .query((rs, n) -> Map.entry(rs.getLong("deployment_id"), new Source(rs.getLong("id"),
                        rs.getString("url"), rs.getString("title"), rs.getString("quote"),
                        rs.getString("document_sha256"), rs.getObject("seen_on", LocalDate.class),
                        rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"))))
                .list()
                .forEach(e -> sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return sources;
    }

    void insertSource(long deploymentId, SourceDraft source, String addedBy, Timestamp now) {
        jdbc.sql("""
                        INSERT INTO deployment_source (deployment_id, url, title, quote, document_sha256, seen_on,
                            added_at, added_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deploymentId, source.url(), source.title(), source.quote(), source.documentSha256(),
                        source.seenOn(), now, addedBy)
                .update();
    }

    // --- history -----------------------------------------------------------------------------------------------

    void insertHistory(long deploymentId, String action, String changesJson, String changedBy, Timestamp now) {
        jdbc.sql("""
                        INSERT INTO deployment_history (deployment_id, changed_at, changed_by, action, changes)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(deploymentId, now, changedBy, action, changesJson)
                .update();
    }

    record HistoryRow(Timestamp changedAt, String changedBy, String action, String changes) {
    }

    List<HistoryRow> history(long deploymentId) {
        return jdbc.sql("""
                        SELECT changed_at, changed_by, action, changes FROM deployment_history
                        WHERE deployment_id = ? ORDER BY changed_at, id""")
                .param(deploymentId)
                .query((rs, n) -> new HistoryRow(rs.getTimestamp(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // --- vendors -----------------------------------------------------------------------------------------------

    Optional<Long> vendorId(String name) {
        return jdbc.sql("SELECT id FROM vendor WHERE name = ?").param(name).query(Long.class).optional();
    }

    long ensureVendor(String name, Timestamp now) {
        jdbc.sql("INSERT IGNORE INTO vendor (name, created_at) VALUES (?, ?)").params(name, now).update();
        return vendorId(name).orElseThrow();
    }

    long ensureProduct(long vendorId, String name) {
        jdbc.sql("INSERT IGNORE INTO product (vendor_id, name) VALUES (?, ?)").params(vendorId, name).update();
        return jdbc.sql("SELECT id FROM product WHERE vendor_id = ? AND name = ?").params(vendorId, name)
                .query(Long.class).single();
    }

    void addVendorTechnology(long vendorId, Technology technology) {
        jdbc.sql("INSERT IGNORE INTO vendor_technology (vendor_id, technology) VALUES (?, ?)")
                .params(vendorId, technology.name())
                .update();
    }

    List<Vendor> vendors() {
        Map<Long, List<String>> products = new HashMap<>();
        jdbc.sql("SELECT vendor_id, name FROM product ORDER BY name")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> products.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Set<Technology>> technologies = new HashMap<>();
        jdbc.sql("SELECT vendor_id, technology FROM vendor_technology")
                .query((rs, n) -> Map.entry(rs.getLong(1), Technology.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> technologies.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Technology.class))
                        .add(e.getValue()));
        return jdbc.sql("SELECT id, name FROM vendor ORDER BY name")
                .query((rs, n) -> new Vendor(rs.getLong(1), rs.getString(2),
                        List.copyOf(products.getOrDefault(rs.getLong(1), List.of())),
                        Set.copyOf(technologies.getOrDefault(rs.getLong(1), EnumSet.noneOf(Technology.class)))))
                .list();
    }
}

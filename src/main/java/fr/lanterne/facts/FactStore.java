package fr.lanterne.facts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The facts of each document, and which rules read them. */
@Repository
class FactStore {

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Fact> facts(String sha256) {
        return jdbc.sql("""
                        SELECT id, kind, value, unit, qualifier, page, passage, confirmed_into FROM document_fact
                        WHERE sha256 = ? ORDER BY page, id""")
                .param(sha256).query(FactStore::fact).list();
    }

    List<Fact> confirmedInto(long deploymentId) {
        return jdbc.sql("""
                        SELECT id, kind, value, unit, qualifier, page, passage, confirmed_into FROM document_fact
                        WHERE confirmed_into = ? ORDER BY confirmed_at, id""")
                .param(deploymentId).query(FactStore::fact).list();
    }

    Optional<Fact> fact(String sha256, long id) {
        return jdbc.sql("""
                        SELECT id, kind, value, unit, qualifier, page, passage, confirmed_into FROM document_fact
                        WHERE sha256 = ? AND id = ?""")
                .params(sha256, id).query(FactStore::fact).optional();
    }

    /** The rules that read the document's facts last, if any did. */
    Optional<Integer> rules(String sha256) {
        return jdbc.sql("SELECT rules FROM document_fact_reading WHERE sha256 = ?").param(sha256)
                .query(Integer.class).optional();
    }

    /**
     * Replaces the document's facts by those read now, keeping the rows (their ids, their confirmations) of the facts
     * read again: reading a document twice changes nothing.
     */
    void replace(String sha256, FactExtractor.Result result, int rules, Instant now) {
        List<Fact> before = facts(sha256);
        for (Fact old : before) {
            if (result.facts().stream().noneMatch(f -> same(old, f))) {
                jdbc.sql("DELETE FROM document_fact WHERE id = ?").param(old.id()).update();
            }
        }
        for (FactExtractor.Extracted f : result.facts()) {
            if (before.stream().noneMatch(old -> same(old, f))) {
                jdbc.sql("""
                                INSERT INTO document_fact (sha256, kind, value, unit, qualifier, page, passage)
                                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(sha256, f.kind().name(), f.value(), f.unit(), f.qualifier(), f.page(), f.passage())
                        .update();
            }
        }
        jdbc.sql("""
                        INSERT INTO document_fact_reading (sha256, rules, invalid_keys, read_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE rules = VALUES(rules), invalid_keys = VALUES(invalid_keys),
                        read_at = VALUES(read_at)""")
                .params(sha256, rules, result.invalidKeys(), Timestamp.from(now)).update();
    }

    int invalidKeys(String sha256) {
        return jdbc.sql("SELECT invalid_keys FROM document_fact_reading WHERE sha256 = ?").param(sha256)
                .query(Integer.class).optional().orElse(0);
    }

    void confirm(long id, long deploymentId, String by, Instant now) {
        jdbc.sql("UPDATE document_fact SET confirmed_into = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ?")
                .params(deploymentId, by, Timestamp.from(now), id).update();
    }

    private static boolean same(Fact old, FactExtractor.Extracted f) {
        return old.kind() == f.kind() && old.value().equals(f.value()) && Objects.equals(old.unit(), f.unit())
                && Objects.equals(old.qualifier(), f.qualifier()) && old.page() == f.page()
                && old.passage().equals(f.passage());
    }

    private static Fact fact(ResultSet rs, int n) throws SQLException {
        long confirmed = rs.getLong("confirmed_into");
        Long confirmedInto = rs.wasNull() ? null : confirmed;
        return new Fact(rs.getLong("id"), FactKind.valueOf(rs.getString("kind")), rs.getString("value"),
                rs.getString("unit"), rs.getString("qualifier"), rs.getInt("page"), rs.getString("passage"),
                confirmedInto);
    }
}

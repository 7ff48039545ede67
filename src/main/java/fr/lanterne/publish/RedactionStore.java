package fr.lanterne.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of {@code publish.sql}. */
@Repository
class RedactionStore {

    private static final int MAX_TEXT = 1000;

    private final JdbcClient jdbc;

    RedactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A redaction about to be written, with what makes it the same as another one. */
    record NewRedaction(String source, ProposalKind kind, String text, List<PdfRect> boxes, RedactionStatus status) {

        String fingerprint() {
            return Boxes.digest(source + "|" + (kind == null ? "" : kind.name()) + "|" + Boxes.canonical(boxes));
        }
    }

    /** A redacted version as stored. */
    record Version(long id, String sha256, String redactedSha256, List<PdfRect> boxes, String createdBy,
                   Instant createdAt) {
    }

    boolean proposed(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM redaction_sheet WHERE sha256 = ?").param(sha256).query(Integer.class)
                .single() > 0;
    }

    /** @return whether this call recorded the sheet (false: another one already had) */
    boolean markProposed(String sha256, Instant at) {
        return jdbc.sql("INSERT IGNORE INTO redaction_sheet (sha256, proposed_at) VALUES (?, ?)")
                .params(sha256, Timestamp.from(at)).update() == 1;
    }

    /** @return its id, or empty when the same one was already there */
    Optional<Long> insert(String sha256, NewRedaction redaction, String by, Instant at) {
        String text = redaction.text().length() > MAX_TEXT ? redaction.text().substring(0, MAX_TEXT)
                : redaction.text();
        boolean decided = redaction.status() != RedactionStatus.PENDING;
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO redaction (sha256, fingerprint, source, kind, text, boxes, status, created_by,
                                                      created_at, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sha256, redaction.fingerprint(), redaction.source(),
                        redaction.kind() == null ? null : redaction.kind().name(), text,
                        Boxes.write(redaction.boxes()), redaction.status().name(), by, Timestamp.from(at),
                        decided ? by : null, decided ? Timestamp.from(at) : null)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM redaction WHERE sha256 = ? AND fingerprint = ?")
                .params(sha256, redaction.fingerprint()).query(Long.class).optional();
    }

    List<Redaction> redactions(String sha256) {
        return jdbc.sql("""
                        SELECT id, source, kind, text, boxes, status, decided_by, decided_at FROM redaction
                        WHERE sha256 = ? ORDER BY id""")
                .param(sha256).query(RedactionStore::redaction).list();
    }

    Optional<Redaction> redaction(String sha256, long id) {
        return jdbc.sql("""
                        SELECT id, source, kind, text, boxes, status, decided_by, decided_at FROM redaction
                        WHERE sha256 = ? AND id = ?""")
                .params(sha256, id).query(RedactionStore::redaction).optional();
    }

    void decide(String sha256, long id, RedactionStatus status, String by, Instant at) {
        jdbc.sql("UPDATE redaction SET status = ?, decided_by = ?, decided_at = ? WHERE sha256 = ? AND id = ?")
                .params(status.name(), by, Timestamp.from(at), sha256, id).update();
    }

    /** @return how many were pending */
    int acceptPending(String sha256, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE redaction SET status = 'ACCEPTED', decided_by = ?, decided_at = ?
                        WHERE sha256 = ? AND status = 'PENDING'""")
                .params(by, Timestamp.from(at), sha256).update();
    }

    private static Redaction redaction(ResultSet rs, int row) throws SQLException {
        List<PdfRect> boxes = Boxes.read(rs.getString(5));
        Timestamp decidedAt = rs.getTimestamp(8);
        String kind = rs.getString(3);
        return new Redaction(rs.getLong(1), rs.getString(2), kind == null ? null : ProposalKind.valueOf(kind),
                rs.getString(4), boxes.get(0).page(), boxes.get(0), boxes, RedactionStatus.valueOf(rs.getString(6)),
                rs.getString(7), decidedAt == null ? null : decidedAt.toInstant());
    }

    // --- saved rules -------------------------------------------------------------------------------------------

    List<SavedRule> rules() {
        return jdbc.sql("SELECT text, pattern FROM redaction_rule ORDER BY id")
                .query((rs, n) -> new SavedRule(rs.getString(1), rs.getBoolean(2))).list();
    }

    void saveRule(SavedRule rule, String by, Instant at) {
        jdbc.sql("INSERT IGNORE INTO redaction_rule (text, pattern, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(rule.text(), rule.pattern(), by, Timestamp.from(at)).update();
    }

    // --- versions and publication ------------------------------------------------------------------------------

    Optional<Version> version(String sha256, String boxesDigest) {
        return jdbc.sql("""
                        SELECT id, sha256, redacted_sha256, boxes, created_by, created_at FROM redacted_version
                        WHERE sha256 = ? AND boxes_digest = ?""")
                .params(sha256, boxesDigest).query(RedactionStore::version).optional();
    }

    Optional<Version> version(long id) {
        return jdbc.sql("""
                        SELECT id, sha256, redacted_sha256, boxes, created_by, created_at FROM redacted_version
                        WHERE id = ?""")
                .param(id).query(RedactionStore::version).optional();
    }

    void insertVersion(String sha256, String boxes, String redactedSha256, RedactedPdf redacted, int boxCount,
                       String by, Instant at) {
        jdbc.sql("""
                        INSERT IGNORE INTO redacted_version (sha256, boxes_digest, redacted_sha256, boxes, box_count,
                                                             pages_rasterised, words_removed, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sha256, Boxes.digest(boxes), redactedSha256, boxes, boxCount, redacted.pagesRasterised(),
                        redacted.wordsRemoved(), by, Timestamp.from(at))
                .update();
    }

    int versionCount(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM redacted_version WHERE sha256 = ?").param(sha256).query(Integer.class)
                .single();
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getLong(1), rs.getString(2), rs.getString(3), Boxes.read(rs.getString(4)),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    Optional<PublicationState> publication(String sha256) {
        return jdbc.sql("""
                        SELECT p.sha256, p.status, p.as_received, p.version_id, v.redacted_sha256, p.requested_by,
                               p.requested_at, p.approved_by, p.approved_at
                        FROM publication p LEFT JOIN redacted_version v ON v.id = p.version_id
                        WHERE p.sha256 = ?""")
                .param(sha256)
                .query((rs, n) -> {
                    Long version = rs.getObject(4, Long.class);
                    Timestamp approvedAt = rs.getTimestamp(9);
                    return new PublicationState(rs.getString(1), PublicationState.Status.valueOf(rs.getString(2)),
                            rs.getBoolean(3), version, rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            approvedAt == null ? null : approvedAt.toInstant());
                })
                .optional();
    }

    /** Asks for, or makes, a publication: replaces what was there. */
    void savePublication(String sha256, Long versionId, boolean asReceived, PublicationState.Status status,
                         String requestedBy, Instant requestedAt, String approvedBy, Instant approvedAt) {
        jdbc.sql("""
                        REPLACE INTO publication (sha256, version_id, as_received, status, requested_by, requested_at,
                                                  approved_by, approved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sha256, versionId, asReceived, status.name(), requestedBy, Timestamp.from(requestedAt),
                        approvedBy, approvedAt == null ? null : Timestamp.from(approvedAt))
                .update();
    }

    void withdraw(String sha256) {
        jdbc.sql("DELETE FROM publication WHERE sha256 = ?").param(sha256).update();
    }
}

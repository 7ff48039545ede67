package fr.lanterne.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of notices and digests. */
@Repository
class NoticeStore {

    /** A notice as stored, with its id and the night that created it. */
    record Stored(long id, Notice notice, LocalDate runDate) {
    }

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    NoticeStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Set<String> existingKeys(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 1_000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1_000));
            found.addAll(jdbc.sql("SELECT notice_key FROM deadline_notice WHERE notice_key IN ("
                            + String.join(", ", chunk.stream().map(k -> "?").toList()) + ")")
                    .params(chunk).query(String.class).list());
        }
        return found;
    }

    /** Inserts notices whose key is new; a key already there (a job run again) is left as it is. */
    void insert(List<Notice> notices, LocalDate runDate, Instant now) {
        Timestamp createdAt = Timestamp.from(now);
        batch.batchUpdate("""
                INSERT IGNORE INTO deadline_notice (notice_key, kind, request_id, reference, campaign_id, owner,
                    due_date, message, draft_file, run_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", notices, BATCH, (ps, n) -> {
                    ps.setString(1, n.key());
                    ps.setString(2, n.kind().name());
                    ps.setObject(3, n.requestId());
                    ps.setString(4, n.reference());
                    ps.setObject(5, n.campaignId());
                    ps.setString(6, n.owner());
                    ps.setObject(7, n.dueDate());
                    ps.setString(8, n.message());
                    ps.setString(9, n.draftFile());
                    ps.setObject(10, runDate);
                    ps.setTimestamp(11, createdAt);
                });
    }

    List<String> ownersWithPendingNotices() {
        return jdbc.sql("SELECT DISTINCT owner FROM deadline_notice WHERE digest_id IS NULL ORDER BY owner")
                .query(String.class).list();
    }

    List<Stored> pending(String owner) {
        return jdbc.sql("""
                        SELECT id, notice_key, kind, request_id, reference, campaign_id, owner, due_date, message,
                               draft_file, run_date
                        FROM deadline_notice WHERE owner = ? AND digest_id IS NULL ORDER BY kind, due_date, id""")
                .param(owner)
                .query((rs, n) -> new Stored(rs.getLong("id"), new Notice(rs.getString("notice_key"),
                        NoticeKind.valueOf(rs.getString("kind")), rs.getObject("request_id", Long.class),
                        rs.getString("reference"), rs.getObject("campaign_id", Long.class), rs.getString("owner"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("message"), rs.getString("draft_file")),
                        rs.getObject("run_date", LocalDate.class)))
                .list();
    }

    /** Claims the digest of a volunteer for a night; empty if that digest already exists (sent or being sent). */
    Optional<Long> claimDigest(String owner, LocalDate runDate, String recipient, int count) {
        KeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO deadline_digest (username, run_date, status, recipient, notice_count)
                        VALUES (?, ?, 'SENDING', ?, ?)""")
                .params(owner, runDate, recipient, count)
                .update(key, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(key.getKey().longValue());
    }

    void attach(long digestId, List<Long> noticeIds) {
        batch.batchUpdate("UPDATE deadline_notice SET digest_id = ? WHERE id = ? AND digest_id IS NULL", noticeIds,
                BATCH, (ps, id) -> {
                    ps.setLong(1, digestId);
                    ps.setLong(2, id);
                });
    }

    void digestDone(long digestId, String status, String detail, Instant at) {
        jdbc.sql("UPDATE deadline_digest SET status = ?, detail = ?, sent_at = ? WHERE id = ?")
                .params(status, detail, Timestamp.from(at), digestId).update();
    }

    /** Digests left SENDING by a process that died: never resent, flagged instead. */
    int markInterruptedDigests(LocalDate runDate) {
        return jdbc.sql("UPDATE deadline_digest SET status = 'UNCERTAIN' WHERE status = 'SENDING' AND run_date = ?")
                .param(runDate).update();
    }

    int digests(String owner, LocalDate runDate) {
        return jdbc.sql("SELECT COUNT(*) FROM deadline_digest WHERE username = ? AND run_date = ?")
                .params(owner, runDate).query(Integer.class).single();
    }

    /** The upcoming dated notices of a volunteer's requests, for the calendar feed. */
    List<Notice> upcoming(String owner, LocalDate from) {
        return jdbc.sql("""
                        SELECT notice_key, kind, request_id, reference, campaign_id, owner, due_date, message,
                            draft_file
                        FROM deadline_notice WHERE owner = ? AND due_date >= ? ORDER BY due_date""")
                .params(owner, from)
                .query((rs, n) -> new Notice(rs.getString(1), NoticeKind.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getObject(5, Long.class), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9)))
                .list();
    }
}

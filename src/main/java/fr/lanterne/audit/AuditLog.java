package fr.lanterne.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

    private static final int MAX_PATH = 1000;
    private static final int MAX_DETAIL = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One change: who ({@code null}: a visitor without an account), what, the HTTP status it ended with.
     *
     * @param detail the change in words where the address does not say it ("rôle : administrateur"), or null
     */
    public record Entry(Instant at, String username, String method, String path, int status, String remote,
                        String detail) {
    }

    public void record(String username, String method, String path, int status, String remote) {
        record(username, method, path, status, remote, null);
    }

    public void record(String username, String method, String path, int status, String remote, String detail) {
        String kept = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        String words = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        jdbc.sql("""
                        INSERT INTO audit_log (at, username, method, path, status, remote, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), username == null ? "anonyme" : username, method, kept, status,
                        remote, words)
                .update();
    }

    /** The latest changes, newest first, of one person or (null) everyone's. */
    public List<Entry> recent(String username, int limit) {
        String where = username == null ? "" : " WHERE username = ?";
        List<Object> params = username == null ? List.of(limit) : List.of(username, limit);
        return jdbc.sql("SELECT at, username, method, path, status, remote, detail FROM audit_log" + where
                        + " ORDER BY id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}

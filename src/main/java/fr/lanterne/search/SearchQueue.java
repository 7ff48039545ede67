package fr.lanterne.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents waiting to be indexed, in the database so that none is forgotten. */
@Repository
class SearchQueue {

    /** A queued document and when it was queued: a document queued again while indexing stays queued. */
    record Queued(String sha256, Instant queuedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SearchQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(List<String> sha256s) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String sha256 : sha256s) {
            jdbc.sql("INSERT INTO search_queue (sha256, queued_at) VALUES (?, ?) "
                            + "ON DUPLICATE KEY UPDATE queued_at = VALUES(queued_at)")
                    .params(sha256, now).update();
        }
    }

    List<Queued> next(int limit) {
        return jdbc.sql("SELECT sha256, queued_at FROM search_queue ORDER BY queued_at LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Queued(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Forgets a document once indexed, unless it was queued again since it was read. */
    void done(Queued queued) {
        jdbc.sql("DELETE FROM search_queue WHERE sha256 = ? AND queued_at <= ?")
                .params(queued.sha256(), Timestamp.from(queued.queuedAt())).update();
    }

    int size() {
        return jdbc.sql("SELECT COUNT(*) FROM search_queue").query(Integer.class).single();
    }
}

package fr.lanterne.requests;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the new timeline events of requests, in batches: for one request as for a whole campaign. */
final class TimelineWriter {

    private static final int BATCH_SIZE = 2_000;

    private record EventRow(long requestId, TimelineEvent event) {
    }

    private TimelineWriter() {
    }

    static void insert(JdbcTemplate batch, List<Request> requests, ToLongFunction<Request> idOf) {
        List<EventRow> events = new ArrayList<>();
        for (Request request : requests) {
            long id = idOf.applyAsLong(request);
            request.newEvents().forEach(e -> events.add(new EventRow(id, e)));
        }
        batch.batchUpdate("""
                INSERT INTO request_event (request_id, recorded_at, event_date, type, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", events, BATCH_SIZE, (ps, row) -> {
            TimelineEvent e = row.event();
            ps.setLong(1, row.requestId());
            ps.setTimestamp(2, Timestamp.from(e.recordedAt()));
            ps.setObject(3, e.date(), Types.DATE);
            ps.setString(4, e.type().name());
            ps.setString(5, e.actor());
            ps.setString(6, e.detail());
        });
    }
}

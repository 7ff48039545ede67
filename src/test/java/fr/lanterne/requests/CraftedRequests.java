package fr.lanterne.requests;

import fr.lanterne.authorities.Authorities;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests written straight into the test database, with the dates of a whole story (sent months ago, refused, referred
 * to the CADA…) that the facade, rightly, only accepts day by day. Each test forgets its campaigns afterwards, so that
 * no other test (the nightly job, the dispatcher) ever sees them.
 */
public final class CraftedRequests {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final List<Long> campaigns = new ArrayList<>();

    public CraftedRequests(JdbcClient jdbc, Authorities authorities) {
        this.jdbc = jdbc;
        this.authorities = authorities;
    }

    public long campaign(String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO campaign (name, templates, selection, channel, status, created_by, created_at)
                        VALUES (?, 'vsa', '{}', 'AUTO', 'FINISHED', 'test', ?)""")
                .params(name, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        campaigns.add(id);
        return id;
    }

    /** A request to an authority, filed under a département, with a timeline given as (type, date) pairs. */
    public Story request(long campaignId, String authorityCode, String departement, RequestStatus status) {
        long n = SEQUENCE.incrementAndGet();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO request (reference, authority_id, departement, template_id, campaign_id, owner,
                            channel, status, created_at)
                        VALUES (?, ?, ?, ?, ?, 'test', 'POST', ?, ?)""")
                .params("T-" + n, authorities.authorityByCode(authorityCode).id(), departement, "stats-" + n,
                        campaignId, status.name(), Timestamp.from(Instant.now()))
                .update(key, "id");
        return new Story(key.getKey().longValue());
    }

    /** Forgets the campaigns made here, their requests and timelines. */
    public void forget() {
        for (long campaign : campaigns) {
            jdbc.sql("DELETE FROM request_event WHERE request_id IN (SELECT id FROM request WHERE campaign_id = ?)")
                    .param(campaign).update();
            jdbc.sql("DELETE FROM request WHERE campaign_id = ?").param(campaign).update();
            jdbc.sql("DELETE FROM campaign WHERE id = ?").param(campaign).update();
        }
        campaigns.clear();
    }

    public final class Story {

        private final long id;

        private Story(long id) {
            this.id = id;
        }

        /** Sending sets sent_at too, as the aggregate does. */
        public Story sent(String date) {
            LocalDate day = LocalDate.parse(date);
            jdbc.sql("UPDATE request SET sent_at = ? WHERE id = ?")
                    .params(Timestamp.valueOf(day.atTime(12, 0)), id).update();
            return event(EventType.SENT, date, "test");
        }

        public Story received(String date) {
            jdbc.sql("UPDATE request SET received_on = ? WHERE id = ?").params(LocalDate.parse(date), id).update();
            return event(EventType.RECEIVED, date, "test");
        }

        public Story event(EventType type, String date) {
            return event(type, date, type == EventType.IMPLICITLY_REFUSED ? "lanterne" : "test");
        }

        public Story event(EventType type, String date, String actor) {
            jdbc.sql("""
                            INSERT INTO request_event (request_id, recorded_at, event_date, type, actor)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(Instant.now()), LocalDate.parse(date), type.name(), actor)
                    .update();
            return this;
        }
    }
}

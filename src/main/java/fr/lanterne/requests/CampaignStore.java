package fr.lanterne.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of campaigns, their targets, and the bulk writes of their job. */
@Repository
class CampaignStore {

    record Campaign(long id, String name, List<String> templates, String selection, String channel, String status,
                    String createdBy, Instant createdAt, Instant finishedAt, int planned, int skipped,
                    String printFile) {

        /** EMAIL or POST, or null for "email where known, post elsewhere". */
        Channel channelOrNull() {
            return "AUTO".equals(channel) ? null : Channel.valueOf(channel);
        }
    }

    /** One (authority, template) pair of a campaign, by its position in the campaign's fixed list. */
    record Target(long campaignId, int position, long authorityId, String templateId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CampaignStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(String name, List<String> templates, String selection, Channel channel, String createdBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO campaign (name, templates, selection, channel, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, 'PLANNED', ?, ?)""")
                .params(name, String.join(",", templates), selection, channel == null ? "AUTO" : channel.name(),
                        createdBy, Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** @param targets rows of (position, authority id, template id, outcome or null) */
    void insertTargets(long campaignId, List<Object[]> targets) {
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Object[] t : targets) {
            rows.add(new Object[] {campaignId, t[0], t[1], t[2], t[3]});
        }
        for (int from = 0; from < rows.size(); from += 2_000) {
            batch.batchUpdate("""
                    INSERT INTO campaign_target (campaign_id, position, authority_id, template_id, outcome)
                    VALUES (?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 2_000)));
        }
        int skipped = (int) targets.stream().filter(t -> t[3] != null).count();
        jdbc.sql("UPDATE campaign SET planned = ?, skipped = ? WHERE id = ?")
                .params(targets.size() - skipped, skipped, campaignId).update();
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql("""
                        SELECT id, name, templates, selection, channel, status, created_by, created_at, finished_at,
                               planned, skipped, print_file
                        FROM campaign WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Campaign(rs.getLong("id"), rs.getString("name"),
                        List.of(rs.getString("templates").split(",")), rs.getString("selection"),
                        rs.getString("channel"), rs.getString("status"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getInt("planned"), rs.getInt("skipped"), rs.getString("print_file")))
                .optional();
    }

    /** One campaign (by id) or the newest ones (id null), with their counts. */
    List<CampaignSummary> summaries(Long id, int limit) {
        String sent = String.join(", ", java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::sent)
                .map(s -> "'" + s.name() + "'").toList());
        List<Object> params = new ArrayList<>();
        if (id != null) {
            params.add(id);
        }
        params.add(limit);
        return jdbc.sql("""
                        SELECT c.id, c.name, c.templates, c.channel, c.created_by, c.created_at, c.finished_at,
                               c.status, c.planned, c.skipped,
                               (SELECT COUNT(*) FROM request r WHERE r.campaign_id = c.id) AS created,
                               (SELECT COUNT(*) FROM request r WHERE r.campaign_id = c.id AND r.status IN (%s)) AS sent
                        FROM campaign c %s
                        ORDER BY c.created_at DESC, c.id DESC LIMIT ?""".formatted(sent,
                        id == null ? "" : "WHERE c.id = ?"))
                .params(params)
                .query((rs, n) -> new CampaignSummary(rs.getLong("id"), rs.getString("name"),
                        List.of(rs.getString("templates").split(",")),
                        "AUTO".equals(rs.getString("channel")) ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("status"), rs.getInt("planned"), rs.getInt("skipped"), rs.getInt("created"),
                        rs.getInt("sent")))
                .list();
    }

    /** The requests a campaign created, in the order they were created (that of its list). */
    List<RequestSummary> requests(long campaignId, int limit) {
        return jdbc.sql("""
                        SELECT r.reference, r.status, r.channel, a.code, a.name, r.template_id, r.campaign_id, r.owner,
                               r.created_at, r.sent_at, r.received_on, r.departement
                        FROM request r JOIN authority a ON a.id = r.authority_id
                        WHERE r.campaign_id = ? ORDER BY r.id LIMIT ?""")
                .params(campaignId, limit)
                .query((rs, n) -> {
                    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    java.sql.Date receivedOn = rs.getDate("received_on");
                    return new RequestSummary(new RequestReference(rs.getString("reference")), status, status.label(),
                            Channel.valueOf(rs.getString("channel")), rs.getString("code"), rs.getString("name"),
                            rs.getString("template_id"), rs.getLong("campaign_id"), rs.getString("owner"),
                            rs.getTimestamp("created_at").toInstant(),
                            sentAt == null ? null : sentAt.toInstant().atZone(Request.PARIS).toLocalDate(),
                            receivedOn == null ? null : receivedOn.toLocalDate(), rs.getString("departement"));
                })
                .list();
    }

    void status(long id, String status, Instant finishedAt) {
        jdbc.sql("UPDATE campaign SET status = ?, finished_at = ? WHERE id = ?")
                .params(status, finishedAt == null ? null : Timestamp.from(finishedAt), id).update();
    }

    void runner(long id, String runner) {
        jdbc.sql("UPDATE campaign SET runner = ? WHERE id = ?").params(runner, id).update();
    }

    Optional<String> runner(long id) {
        return jdbc.sql("SELECT runner FROM campaign WHERE id = ?").param(id).query(String.class).optional();
    }

    void printFile(long id, String file) {
        jdbc.sql("UPDATE campaign SET print_file = ? WHERE id = ?").params(file, id).update();
    }

    /** A target left out when the job ran (an open request appeared meanwhile, the address vanished…). */
    void targetOutcomes(List<Object[]> outcomes) {
        batch.batchUpdate("UPDATE campaign_target SET outcome = ? WHERE campaign_id = ? AND position = ?", outcomes);
        if (!outcomes.isEmpty()) {
            long campaignId = (Long) outcomes.get(0)[1];
            jdbc.sql("""
                            UPDATE campaign SET skipped = (SELECT COUNT(*) FROM campaign_target
                                                           WHERE campaign_id = ? AND outcome IS NOT NULL),
                                                planned = (SELECT COUNT(*) FROM campaign_target
                                                           WHERE campaign_id = ? AND outcome IS NULL)
                            WHERE id = ?""")
                    .params(campaignId, campaignId, campaignId).update();
        }
    }

    void linkTargets(List<Object[]> links) {
        batch.batchUpdate("UPDATE campaign_target SET request_id = ? WHERE campaign_id = ? AND position = ?", links);
    }

    List<String> outcomes(long campaignId, int limit) {
        return jdbc.sql("""
                        SELECT t.position, t.template_id, t.outcome, a.name FROM campaign_target t
                        JOIN authority a ON a.id = t.authority_id
                        WHERE t.campaign_id = ? AND t.outcome IS NOT NULL ORDER BY t.position LIMIT ?""")
                .params(campaignId, limit)
                .query((rs, n) -> rs.getString("name") + " (" + rs.getString("template_id") + ") : "
                        + rs.getString("outcome"))
                .list();
    }

    /** Authority/template pairs that already have an open request, among these templates. */
    Set<String> openKeys(List<String> templates) {
        return keys("SELECT open_key FROM request WHERE open_key IS NOT NULL AND template_id IN (%s)", templates,
                null);
    }

    /** Authority/template pairs written to since a moment, whatever became of them (CRPA L311-2). */
    Set<String> recentKeys(List<String> templates, Instant since) {
        return keys("SELECT CONCAT(authority_id, '/', template_id) FROM request WHERE template_id IN (%s) "
                + "AND created_at >= ?", templates, Timestamp.from(since));
    }

    private Set<String> keys(String sql, List<String> templates, Object extra) {
        String placeholders = String.join(", ", templates.stream().map(t -> "?").toList());
        List<Object> params = new ArrayList<>(templates);
        if (extra != null) {
            params.add(extra);
        }
        return new HashSet<>(jdbc.sql(String.format(sql, placeholders)).params(params).query(String.class).list());
    }

    /** Inserts many new requests in a few statements; each with its first events. */
    void insertRequests(List<Request> requests) {
        List<Object[]> rows = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Request.State s = request.state();
            rows.add(new Object[] {s.reference().value(), s.authorityId(), s.departement(), s.templateId(),
                    s.campaignId(), s.owner(), s.channel().name(), s.status().name(), Timestamp.from(s.createdAt())});
        }
        batch.batchUpdate("""
                INSERT INTO request (reference, authority_id, departement, template_id, campaign_id, owner, channel,
                    status, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
        List<String> references = requests.stream().map(r -> r.reference().value()).toList();
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("SELECT reference, id FROM request WHERE reference IN ("
                        + String.join(", ", references.stream().map(r -> "?").toList()) + ")")
                .params(references)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        List<Object[]> events = new ArrayList<>();
        for (Request request : requests) {
            long id = ids.get(request.reference().value());
            for (TimelineEvent e : request.newEvents()) {
                events.add(new Object[] {id, Timestamp.from(e.recordedAt()), e.date(), e.type().name(), e.actor(),
                        e.detail()});
            }
        }
        batch.batchUpdate("""
                INSERT INTO request_event (request_id, recorded_at, event_date, type, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", events);
    }

    java.util.Map<String, Long> requestIds(List<String> references) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        if (references.isEmpty()) {
            return ids;
        }
        jdbc.sql("SELECT reference, id FROM request WHERE reference IN ("
                        + String.join(", ", references.stream().map(r -> "?").toList()) + ")")
                .params(references)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Letters written for drafts: each moves to QUEUED with its two events, in a few statements. */
    void lettersWritten(List<Object[]> written, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (Object[] w : written) {
            long id = (Long) w[0];
            String file = (String) w[1];
            String channel = (String) w[2];
            updates.add(new Object[] {file, channel.equals("EMAIL") ? at : null, id});
            events.add(new Object[] {id, at, null, EventType.LETTER_RENDERED.name(), "lanterne", file});
            events.add(new Object[] {id, at, null, EventType.QUEUED.name(), "lanterne", Channel.valueOf(channel).label()});
        }
        batch.batchUpdate("""
                UPDATE request SET letter_file = ?, status = 'QUEUED', next_attempt_at = ?, version = version + 1
                WHERE id = ? AND status = 'DRAFT'""", updates);
        batch.batchUpdate("""
                INSERT INTO request_event (request_id, recorded_at, event_date, type, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", events);
    }

    List<String> letterFiles(long campaignId, Channel channel) {
        return jdbc.sql("""
                        SELECT letter_file FROM request
                        WHERE campaign_id = ? AND channel = ? AND status = 'QUEUED' AND letter_file IS NOT NULL
                        ORDER BY id""")
                .params(campaignId, channel.name())
                .query(String.class)
                .list();
    }
}

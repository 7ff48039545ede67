package fr.lanterne.requests;

import fr.lanterne.shared.Paris;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** A target of a campaign being created; {@code outcome} says why it is left out, or is null. */
    record NewTarget(int position, long authorityId, String templateId, String outcome) {
    }

    /** A target left out when the job reached it, and why. */
    record TargetOutcome(int position, String outcome) {
    }

    /** A target and the request the job created for it. */
    record TargetLink(int position, long requestId) {
    }

    private static final int BATCH_SIZE = 2_000;

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

    void insertTargets(long campaignId, List<NewTarget> targets) {
        batch.batchUpdate("""
                INSERT INTO campaign_target (campaign_id, position, authority_id, template_id, outcome)
                VALUES (?, ?, ?, ?, ?)""", targets, BATCH_SIZE, (ps, t) -> {
            ps.setLong(1, campaignId);
            ps.setInt(2, t.position());
            ps.setLong(3, t.authorityId());
            ps.setString(4, t.templateId());
            ps.setString(5, t.outcome());
        });
        int skipped = (int) targets.stream().filter(t -> t.outcome() != null).count();
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
                            sentAt == null ? null : sentAt.toInstant().atZone(Paris.ZONE).toLocalDate(),
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
    void targetOutcomes(long campaignId, List<TargetOutcome> outcomes) {
        batch.batchUpdate("UPDATE campaign_target SET outcome = ? WHERE campaign_id = ? AND position = ?", outcomes,
                BATCH_SIZE, (ps, o) -> {
                    ps.setString(1, o.outcome());
                    ps.setLong(2, campaignId);
                    ps.setInt(3, o.position());
                });
        if (!outcomes.isEmpty()) {
            jdbc.sql("""
                            UPDATE campaign SET skipped = (SELECT COUNT(*) FROM campaign_target
                                                           WHERE campaign_id = ? AND outcome IS NOT NULL),
                                                planned = (SELECT COUNT(*) FROM campaign_target
                                                           WHERE campaign_id = ? AND outcome IS NULL)
                            WHERE id = ?""")
                    .params(campaignId, campaignId, campaignId).update();
        }
    }

    void linkTargets(long campaignId, List<TargetLink> links) {
        batch.batchUpdate("UPDATE campaign_target SET request_id = ? WHERE campaign_id = ? AND position = ?", links,
                BATCH_SIZE, (ps, l) -> {
                    ps.setLong(1, l.requestId());
                    ps.setLong(2, campaignId);
                    ps.setInt(3, l.position());
                });
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
        List<Request.State> states = requests.stream().map(Request::state).toList();
        batch.batchUpdate("""
                INSERT INTO request (reference, authority_id, departement, template_id, campaign_id, owner, channel,
                    status, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", states, BATCH_SIZE, (ps, s) -> {
            ps.setString(1, s.reference().value());
            ps.setLong(2, s.authorityId());
            ps.setString(3, s.departement());
            ps.setString(4, s.templateId());
            ps.setObject(5, s.campaignId(), Types.BIGINT);
            ps.setString(6, s.owner());
            ps.setString(7, s.channel().name());
            ps.setString(8, s.status().name());
            ps.setTimestamp(9, Timestamp.from(s.createdAt()));
        });
        Map<String, Long> ids = requestIds(requests.stream().map(r -> r.reference().value()).toList());
        TimelineWriter.insert(batch, requests, r -> ids.get(r.reference().value()));
    }

    Map<String, Long> requestIds(List<String> references) {
        Map<String, Long> ids = new HashMap<>();
        if (references.isEmpty()) {
            return ids;
        }
        jdbc.sql("SELECT reference, id FROM request WHERE reference IN ("
                        + String.join(", ", references.stream().map(r -> "?").toList()) + ")")
                .params(references)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /**
     * Saves drafts whose letter was written and which moved to QUEUED (through {@link Request#letterRendered} and
     * {@link Request#queue}), with their new events, in a few statements. A draft changed since it was read (withdrawn
     * by its volunteer while the job ran, say) keeps that change: it is left out, with its events, as the old
     * {@code status = 'DRAFT'} condition left it out, and the job goes on.
     */
    void lettersWritten(List<Request> written) {
        List<Request.State> states = written.stream().map(Request::state).toList();
        int[][] counts = batch.batchUpdate("""
                UPDATE request SET letter_file = ?, status = ?, next_attempt_at = ?, version = version + 1
                WHERE id = ? AND version = ?""", states, BATCH_SIZE, (ps, s) -> {
            ps.setString(1, s.letterFile());
            ps.setString(2, s.status().name());
            ps.setTimestamp(3, s.nextAttemptAt() == null ? null : Timestamp.from(s.nextAttemptAt()));
            ps.setLong(4, s.id());
            ps.setInt(5, s.version());
        });
        List<Request> saved = new ArrayList<>();
        int index = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 0) {
                    saved.add(written.get(index));
                }
                index++;
            }
        }
        TimelineWriter.insert(batch, saved, r -> r.state().id());
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

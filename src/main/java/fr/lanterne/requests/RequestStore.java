package fr.lanterne.requests;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.Paris;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of requests and their timelines. */
@Repository
class RequestStore {

    static final String COLUMNS = """
            SELECT id, reference, authority_id, departement, template_id, campaign_id, owner, created_at, channel,
                   status, sent_at,
                   received_on, receipt_evidence, answered_on, partial_answer_on, refused_on, implicit_refusal_on,
                   cada_referred_on, cada_registered_on, cada_opinion_on, confirmed_refusal_on, court_on, withdrawn_on,
                   letter_file, send_attempts, sending_started_at, next_attempt_at, last_error, version,
                   remedies_mentioned, refusal_remedies_mentioned
            FROM request
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RequestStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Reserves {@code count} consecutive numbers of a year, in a transaction of its own so that the counter's row
     * lock is held for a moment only (a number is never reused; a rolled-back request leaves a gap). One upsert
     * takes the row's exclusive lock at once, whether it creates the year's row or moves it on: an INSERT IGNORE
     * followed by SELECT … FOR UPDATE took a shared lock first, and two reservations holding it deadlocked.
     *
     * @return the first reserved number
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long reserveNumbers(int year, int count) {
        jdbc.sql("INSERT INTO request_counter (year, next_number) VALUES (:year, 1 + :count) "
                        + "ON DUPLICATE KEY UPDATE next_number = next_number + :count")
                .param("year", year).param("count", count).update();
        long next = jdbc.sql("SELECT next_number FROM request_counter WHERE year = ?").param(year)
                .query(Long.class).single();
        return next - count;
    }

    Optional<Request> find(RequestReference reference) {
        return jdbc.sql(COLUMNS + " WHERE reference = ?").param(reference.value()).query(RequestStore::request)
                .optional();
    }

    Optional<Request> findForUpdate(RequestReference reference) {
        return jdbc.sql(COLUMNS + " WHERE reference = ? FOR UPDATE").param(reference.value())
                .query(RequestStore::request).optional();
    }

    /** The open request for an authority and a template, if any. */
    Optional<RequestReference> openFor(long authorityId, String templateId) {
        return jdbc.sql("SELECT reference FROM request WHERE open_key = ?")
                .param(authorityId + "/" + templateId)
                .query((rs, n) -> new RequestReference(rs.getString(1)))
                .optional();
    }

    /** The last request of a template to an authority created after a moment, whatever its state. */
    Optional<RequestReference> createdSince(long authorityId, String templateId, Instant since) {
        return jdbc.sql("""
                        SELECT reference FROM request WHERE authority_id = ? AND template_id = ? AND created_at >= ?
                        ORDER BY created_at DESC LIMIT 1""")
                .params(authorityId, templateId, Timestamp.from(since))
                .query((rs, n) -> new RequestReference(rs.getString(1)))
                .optional();
    }

    /**
     * Stores new requests and their first events.
     *
     * @throws ConflictException when one of them would be a second open request for its authority and template
     */
    void insert(List<Request> requests) {
        for (Request request : requests) {
            Request.State s = request.state();
            KeyHolder key = new GeneratedKeyHolder();
            try {
                jdbc.sql("""
                                INSERT INTO request (reference, authority_id, departement, template_id, campaign_id,
                                    owner, channel, status, created_at, letter_file, next_attempt_at, version)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                        .params(s.reference().value(), s.authorityId(), s.departement(), s.templateId(),
                                s.campaignId(), s.owner(),
                                s.channel().name(), s.status().name(), Timestamp.from(s.createdAt()), s.letterFile(),
                                timestamp(s.nextAttemptAt()))
                        .update(key, "id");
            } catch (DuplicateKeyException e) {
                throw new ConflictException("Une demande « " + s.templateId() + " » est déjà en cours auprès de cet "
                        + "organisme : on n'en ouvre pas une seconde (article L311-2 du CRPA sur les demandes "
                        + "répétitives).", Map.of("template", s.templateId()));
            }
            long id = key.getKey().longValue();
            TimelineWriter.insert(batch, List.of(request), r -> id);
        }
    }

    /** Saves a changed request if nobody changed it since it was read. */
    void update(Request request) {
        Request.State s = request.state();
        LegalDates d = s.dates();
        int updated = jdbc.sql("""
                        UPDATE request SET authority_id = ?, departement = ?,
                            channel = ?, status = ?, sent_at = ?, received_on = ?, receipt_evidence = ?,
                            answered_on = ?, partial_answer_on = ?, refused_on = ?, implicit_refusal_on = ?,
                            cada_referred_on = ?, cada_registered_on = ?, cada_opinion_on = ?, confirmed_refusal_on = ?,
                            court_on = ?, withdrawn_on = ?, letter_file = ?, send_attempts = ?, sending_started_at = ?,
                            next_attempt_at = ?,
                            last_error = ?, remedies_mentioned = ?, refusal_remedies_mentioned = ?,
                            version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(s.authorityId(), s.departement(), s.channel().name(), s.status().name(), timestamp(s.sentAt()),
                        d.receivedOn(), s.receiptEvidence(), d.answeredOn(), d.partialAnswerOn(), d.refusedOn(),
                        d.implicitRefusalOn(), d.cadaReferredOn(), d.cadaRegisteredOn(), d.cadaOpinionOn(),
                        d.confirmedRefusalOn(), d.courtOn(), d.withdrawnOn(), s.letterFile(), s.sendAttempts(),
                        timestamp(s.sendingStartedAt()),
                        timestamp(s.nextAttemptAt()),
                        truncate(s.lastError(), 1000), s.remedies().acknowledgement(), s.remedies().refusal(),
                        s.id(), s.version())
                .update();
        if (updated == 0) {
            throw new ConflictException("La demande " + s.reference() + " a été modifiée en même temps par ailleurs : "
                    + "rechargez-la et recommencez.", Map.of("reference", s.reference().value()));
        }
        TimelineWriter.insert(batch, List.of(request), r -> s.id());
    }

    List<TimelineEvent> timeline(long requestId) {
        return jdbc.sql("""
                        SELECT recorded_at, event_date, type, actor, detail FROM request_event
                        WHERE request_id = ? ORDER BY id""")
                .param(requestId)
                .query((rs, n) -> new TimelineEvent(rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class),
                        EventType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Email requests whose next attempt is due, oldest first. */
    List<RequestReference> dueForSending(Instant now, Long campaignId, int limit) {
        return jdbc.sql("""
                        SELECT reference FROM request
                        WHERE status = 'QUEUED' AND channel = 'EMAIL' AND next_attempt_at <= ?
                          AND (? IS NULL OR campaign_id = ?)
                        ORDER BY next_attempt_at, id LIMIT ?""")
                .params(Timestamp.from(now), campaignId, campaignId, limit)
                .query((rs, n) -> new RequestReference(rs.getString(1)))
                .list();
    }

    /** Requests left in the middle of sending for longer than any send takes: their process died. */
    List<RequestReference> sendingSince(Instant before) {
        return jdbc.sql("SELECT reference FROM request WHERE status = 'SENDING' AND sending_started_at < ? ORDER BY id")
                .param(Timestamp.from(before))
                .query((rs, n) -> new RequestReference(rs.getString(1)))
                .list();
    }

    List<RequestReference> sendingOfCampaign(long campaignId) {
        return jdbc.sql("SELECT reference FROM request WHERE status = 'SENDING' AND campaign_id = ? ORDER BY id")
                .param(campaignId)
                .query((rs, n) -> new RequestReference(rs.getString(1)))
                .list();
    }

    private static final String DATES = """
            SELECT id, reference, status, owner, template_id, campaign_id, authority_id, departement,
                   sent_at, received_on, answered_on, partial_answer_on, refused_on, implicit_refusal_on,
                   cada_referred_on, cada_registered_on, cada_opinion_on, confirmed_refusal_on, court_on, withdrawn_on,
                   remedies_mentioned, refusal_remedies_mentioned
            FROM request""";

    /** Open requests after an id, in id order: keyset pagination over a million rows stays fast. */
    List<RequestDates> openDatesAfter(long afterId, int limit) {
        return jdbc.sql(DATES + " WHERE id > ? AND open_key IS NOT NULL ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(RequestStore::dates)
                .list();
    }

    List<RequestDates> datesOfCampaign(long campaignId) {
        return jdbc.sql(DATES + " WHERE campaign_id = ? ORDER BY id").param(campaignId)
                .query(RequestStore::dates)
                .list();
    }

    List<RequestDates> openDatesOf(String owner) {
        return jdbc.sql(DATES + " WHERE owner = ? AND open_key IS NOT NULL ORDER BY id").param(owner)
                .query(RequestStore::dates)
                .list();
    }

    private static RequestDates dates(ResultSet rs, int row) throws SQLException {
        return new RequestDates(rs.getLong("id"), new RequestReference(rs.getString("reference")),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("owner"), rs.getString("template_id"),
                rs.getObject("campaign_id", Long.class), rs.getLong("authority_id"), rs.getString("departement"),
                rs.getTimestamp("sent_at") == null ? null
                        : rs.getTimestamp("sent_at").toInstant().atZone(Paris.ZONE).toLocalDate(),
                legalDates(rs), remedies(rs));
    }

    /**
     * Requests of some owners and/or to some authorities, newest first.
     *
     * @param owners null for anyone
     * @param authorityIds null for any
     */
    List<Request> list(List<String> owners, List<Long> authorityIds, List<RequestStatus> statuses, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (owners != null) {
            if (owners.isEmpty()) {
                return List.of();
            }
            sql.append(" AND owner IN (").append(String.join(", ", owners.stream().map(o -> "?").toList())).append(")");
            params.addAll(owners);
        }
        if (authorityIds != null) {
            if (authorityIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND authority_id IN (").append(String.join(", ", authorityIds.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(authorityIds);
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", statuses.stream().map(o -> "?").toList()))
                    .append(")");
            statuses.forEach(status -> params.add(status.name()));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(RequestStore::request).list();
    }

    Map<RequestStatus, Integer> countByStatus(List<String> owners) {
        Map<RequestStatus, Integer> counts = new java.util.EnumMap<>(RequestStatus.class);
        StringBuilder sql = new StringBuilder("SELECT status, COUNT(*) FROM request");
        List<Object> params = new ArrayList<>();
        if (owners != null) {
            if (owners.isEmpty()) {
                return counts;
            }
            sql.append(" WHERE owner IN (").append(String.join(", ", owners.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(owners);
        }
        jdbc.sql(sql.append(" GROUP BY status").toString()).params(params)
                .query((rs, n) -> Map.entry(RequestStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Map<RequestStatus, Integer> countByStatus(long campaignId) {
        Map<RequestStatus, Integer> counts = new java.util.EnumMap<>(RequestStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM request WHERE campaign_id = ? GROUP BY status")
                .param(campaignId)
                .query((rs, n) -> Map.entry(RequestStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(new Request.State(rs.getLong("id"), new RequestReference(rs.getString("reference")),
                rs.getLong("authority_id"), rs.getString("departement"), rs.getString("template_id"),
                        rs.getObject("campaign_id", Long.class),
                rs.getString("owner"), rs.getTimestamp("created_at").toInstant(),
                Channel.valueOf(rs.getString("channel")), RequestStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("sent_at")), legalDates(rs), rs.getString("receipt_evidence"),
                remedies(rs), rs.getString("letter_file"),
                rs.getInt("send_attempts"), instant(rs.getTimestamp("sending_started_at")),
                instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"), rs.getInt("version")));
    }

    /** The acknowledgement's column kept its first name: it held both answers before they were split. */
    private static RemedyMentions remedies(ResultSet rs) throws SQLException {
        return new RemedyMentions(rs.getObject("remedies_mentioned", Boolean.class),
                rs.getObject("refusal_remedies_mentioned", Boolean.class));
    }

    private static LegalDates legalDates(ResultSet rs) throws SQLException {
        return new LegalDates(date(rs, "received_on"), date(rs, "answered_on"), date(rs, "partial_answer_on"),
                date(rs, "refused_on"), date(rs, "implicit_refusal_on"), date(rs, "cada_referred_on"),
                date(rs, "cada_registered_on"), date(rs, "cada_opinion_on"), date(rs, "confirmed_refusal_on"),
                date(rs, "court_on"), date(rs, "withdrawn_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

package fr.lanterne.ingest;

import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.DocumentRecords.Quarantined;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of documents, their pages, mentions and links, and of every intake. */
@Repository
class DocumentStore {

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DocumentStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    boolean intakeExists(DocumentRecords.Channel channel, String source, String path, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM intake WHERE channel = ? AND source = ? AND path = ? AND sha256 = ?")
                .params(channel.name(), cut(source, 700), cut(path, 700), sha256).query(Integer.class).single() > 0;
    }

    void insertIntake(DocumentRecords.Source source, IntakeItem item, DocumentRecords.Result result, String reason,
                      String detail, String requestReference, String sender, String subject, Instant now) {
        jdbc.sql("""
                        INSERT IGNORE INTO intake (received_at, channel, source, path, file_name, size, sha256, outcome,
                            reason, detail, request_reference, sender, subject, received_by, quarantine_status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(now), source.channel().name(), cut(source.source(), 700), cut(item.path(), 700),
                        cut(item.fileName(), 500), item.size(), item.sha256(), result.name(), reason, detail,
                        requestReference, cut(sender, 320), cut(subject, 1000), source.receivedBy(),
                        result == DocumentRecords.Result.QUARANTINED ? "OPEN" : null)
                .update();
    }

    boolean documentExists(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE sha256 = ?").param(sha256).query(Integer.class)
                .single() > 0;
    }

    /**
     * Inserts the document and its pages, unless another transaction holds the same bytes already: then nothing is
     * written and the answer is false. Two identical files taken in at the same moment both find no document before
     * they insert; InnoDB makes the second insert wait for the first transaction and then reports the duplicate key,
     * which leaves this transaction open (only the statement is undone), so the second file becomes a receipt of the
     * first one's document instead of an error.
     */
    boolean insertDocument(String sha256, long size, Extraction extraction, DocumentKind kind, String requestReference,
                           String authorityCode, Instant now) {
        List<Object> params = new ArrayList<>(List.of(sha256, size, cut(extraction.fileName(), 500)));
        params.addAll(extracted(extraction, kind));
        params.addAll(Arrays.asList(requestReference, authorityCode, Timestamp.from(now)));
        try {
            jdbc.sql("""
                            INSERT INTO document (sha256, size, file_name, media_type, title, author, created_meta,
                                modified_meta, producer, page_count, needs_ocr, ocred_pages, kind, notices,
                                request_reference, authority_code, first_received_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(params)
                    .update();
        } catch (DuplicateKeyException taken) {
            return false;
        }
        insertPages(sha256, extraction);
        return true;
    }

    /**
     * Replaces what was read from a document (its pages, metadata and kind) with a new reading of the same file;
     * where it came from and what it answers stay.
     */
    void replaceExtraction(String sha256, Extraction extraction, DocumentKind kind) {
        List<Object> params = new ArrayList<>(extracted(extraction, kind));
        params.add(sha256);
        jdbc.sql("""
                        UPDATE document SET media_type = ?, title = ?, author = ?, created_meta = ?, modified_meta = ?,
                            producer = ?, page_count = ?, needs_ocr = ?, ocred_pages = ?, kind = ?, notices = ?
                        WHERE sha256 = ?""")
                .params(params)
                .update();
        jdbc.sql("DELETE FROM document_page WHERE sha256 = ?").param(sha256).update();
        insertPages(sha256, extraction);
    }

    /** The values of the columns a reading fills, from media_type to notices, in the order of the statements. */
    private static List<Object> extracted(Extraction extraction, DocumentKind kind) {
        DocumentMetadata m = extraction.metadata();
        return Arrays.asList(extraction.type() == null ? null : cut(extraction.type().mediaType(), 150),
                cut(m.title(), 1000), cut(m.author(), 500), timestamp(m.created()), timestamp(m.modified()),
                cut(m.producer(), 500), extraction.pages().size(), extraction.needsOcr(), extraction.ocredPages(),
                kind.name(), extraction.notices().isEmpty() ? null : String.join("\n", extraction.notices()));
    }

    private void insertPages(String sha256, Extraction extraction) {
        batch.batchUpdate("INSERT INTO document_page (sha256, page, text, ocred, needs_ocr) VALUES (?, ?, ?, ?, ?)",
                extraction.pages(), BATCH, (ps, page) -> {
                    ps.setString(1, sha256);
                    ps.setInt(2, page.number());
                    ps.setString(3, page.text());
                    ps.setBoolean(4, page.ocred());
                    ps.setBoolean(5, page.needsOcr());
                });
    }

    void insertMentions(String sha256, List<fr.lanterne.ingest.Mention> mentions) {
        batch.batchUpdate("""
                INSERT IGNORE INTO document_mention (sha256, kind, name, vendor, technologies, pages, occurrences)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", mentions, BATCH, (ps, m) -> {
                    ps.setString(1, sha256);
                    ps.setString(2, m.kind().name());
                    ps.setString(3, cut(m.name(), 200));
                    ps.setString(4, cut(m.vendor(), 120));
                    ps.setString(5, m.technologies().stream().map(Enum::name).sorted()
                            .collect(Collectors.joining(",")));
                    ps.setString(6, cut(m.pages().stream().map(String::valueOf)
                            .collect(Collectors.joining(",")), 2000));
                    ps.setInt(7, m.occurrences());
                });
    }

    void replaceMentions(String sha256, List<fr.lanterne.ingest.Mention> mentions) {
        jdbc.sql("DELETE FROM document_mention WHERE sha256 = ?").param(sha256).update();
        insertMentions(sha256, mentions);
    }

    /** Proposes links that do not exist yet; a link already proposed, confirmed or rejected is left as it is. */
    void proposeLinks(String sha256, List<Long> deploymentIds) {
        batch.batchUpdate("INSERT IGNORE INTO document_link (sha256, deployment_id, status) VALUES (?, ?, 'PROPOSED')",
                deploymentIds, BATCH, (ps, id) -> {
                    ps.setString(1, sha256);
                    ps.setLong(2, id);
                });
    }

    int decideLink(String sha256, long deploymentId, String status, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO document_link (sha256, deployment_id, status, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE status = VALUES(status), decided_by = VALUES(decided_by),
                            decided_at = VALUES(decided_at)""")
                .params(sha256, deploymentId, status, by, Timestamp.from(now)).update();
    }

    void suggestion(List<String> sha256s, String state, String reason) {
        batch.batchUpdate("UPDATE document SET suggested_state = ?, suggestion_reason = ? WHERE sha256 = ?", sha256s,
                BATCH, (ps, sha256) -> {
                    ps.setString(1, state);
                    ps.setString(2, reason);
                    ps.setString(3, sha256);
                });
    }

    /** Files a document under a request, unless it is filed under another one: whether it is now under this one. */
    boolean assign(String sha256, String requestReference, String authorityCode) {
        return jdbc.sql("""
                        UPDATE document SET request_reference = ?, authority_code = ?
                        WHERE sha256 = ? AND (request_reference IS NULL OR request_reference = ?)""")
                .params(requestReference, authorityCode, sha256, requestReference).update() == 1
                || jdbc.sql("SELECT COUNT(*) FROM document WHERE sha256 = ? AND request_reference = ?")
                .params(sha256, requestReference).query(Integer.class).single() == 1;
    }

    Optional<Details> details(String sha256) {
        Optional<Details> found = jdbc.sql("""
                        SELECT sha256, file_name, media_type, size, title, author, created_meta, modified_meta,
                               producer, page_count, needs_ocr, ocred_pages, kind, request_reference, authority_code,
                               suggested_state, suggestion_reason, notices
                        FROM document WHERE sha256 = ?""")
                .param(sha256)
                .query((rs, n) -> new Details(rs.getString("sha256"), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size"), rs.getString("title"), rs.getString("author"),
                        instant(rs, "created_meta"), instant(rs, "modified_meta"), rs.getString("producer"),
                        rs.getInt("page_count"), rs.getBoolean("needs_ocr"), rs.getInt("ocred_pages"),
                        rs.getString("kind"), DocumentKind.valueOf(rs.getString("kind")).label(),
                        rs.getString("request_reference"), rs.getString("authority_code"),
                        rs.getString("suggested_state"), rs.getString("suggestion_reason"),
                        rs.getString("notices") == null ? List.of() : List.of(rs.getString("notices").split("\n")),
                        List.of(), List.of(), List.of()))
                .optional();
        return found.map(d -> new Details(d.sha256(), d.fileName(), d.mediaType(), d.size(), d.title(), d.author(),
                d.created(), d.modified(), d.producer(), d.pageCount(), d.needsOcr(), d.ocredPages(), d.kind(),
                d.kindLabel(), d.requestReference(), d.authorityCode(), d.suggestedState(), d.suggestionReason(),
                d.notices(), mentions(sha256), links(sha256), receipts(sha256)));
    }

    private List<DocumentRecords.Mention> mentions(String sha256) {
        return jdbc.sql("SELECT kind, name, vendor, technologies, pages FROM document_mention WHERE sha256 = ? "
                        + "ORDER BY kind, name")
                .param(sha256)
                .query((rs, n) -> new DocumentRecords.Mention(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null || rs.getString(4).isEmpty() ? List.of()
                                : List.of(rs.getString(4).split(",")),
                        rs.getString(5).isEmpty() ? List.of()
                                : Arrays.stream(rs.getString(5).split(",")).map(Integer::valueOf).toList()))
                .list();
    }

    List<String> confirmedLinksTo(long deploymentId) {
        return jdbc.sql("SELECT sha256 FROM document_link WHERE deployment_id = ? AND status = 'CONFIRMED' "
                + "ORDER BY sha256").param(deploymentId).query(String.class).list();
    }

    private List<DocumentRecords.Link> links(String sha256) {
        return jdbc.sql("SELECT deployment_id, status FROM document_link WHERE sha256 = ? ORDER BY deployment_id")
                .param(sha256)
                .query((rs, n) -> new DocumentRecords.Link(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private List<DocumentRecords.Receipt> receipts(String sha256) {
        return jdbc.sql("""
                        SELECT received_at, channel, source, path, sender, subject, received_by FROM intake
                        WHERE sha256 = ? AND outcome IN ('INGESTED', 'DUPLICATE') ORDER BY id""")
                .param(sha256)
                .query((rs, n) -> new DocumentRecords.Receipt(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    Optional<DocumentRecords.Page> page(String sha256, int number) {
        return jdbc.sql("""
                        SELECT p.sha256, p.page, d.page_count, p.text, p.ocred, p.needs_ocr
                        FROM document_page p JOIN document d ON d.sha256 = p.sha256
                        WHERE p.sha256 = ? AND p.page = ?""")
                .params(sha256, number)
                .query((rs, n) -> new DocumentRecords.Page(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }

    List<DocumentRecords.Page> pages(String sha256) {
        return jdbc.sql("""
                        SELECT p.sha256, p.page, d.page_count, p.text, p.ocred, p.needs_ocr
                        FROM document_page p JOIN document d ON d.sha256 = p.sha256
                        WHERE p.sha256 = ? ORDER BY p.page""")
                .param(sha256)
                .query((rs, n) -> new DocumentRecords.Page(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    Optional<String> fileName(String sha256) {
        return jdbc.sql("SELECT file_name FROM document WHERE sha256 = ?").param(sha256).query(String.class)
                .optional();
    }

    Optional<String> mediaType(String sha256) {
        return jdbc.sql("SELECT media_type FROM document WHERE sha256 = ?").param(sha256).query(String.class)
                .optional();
    }

    List<Quarantined> quarantine(boolean openOnly, int limit) {
        return jdbc.sql("""
                        SELECT id, received_at, channel, source, path, file_name, size, sha256, reason, detail,
                               quarantine_status
                        FROM intake WHERE outcome = 'QUARANTINED'"""
                        + (openOnly ? " AND quarantine_status = 'OPEN'" : "")
                        + " ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(DocumentStore::quarantined)
                .list();
    }

    Optional<Quarantined> quarantined(long id) {
        return jdbc.sql("""
                        SELECT id, received_at, channel, source, path, file_name, size, sha256, reason, detail,
                               quarantine_status
                        FROM intake WHERE id = ? AND outcome = 'QUARANTINED'""")
                .param(id)
                .query(DocumentStore::quarantined)
                .optional();
    }

    void quarantineStatus(long id, String status) {
        jdbc.sql("UPDATE intake SET quarantine_status = ? WHERE id = ?").params(status, id).update();
    }

    List<DocumentRecords.Unmatched> unmatched(int limit) {
        return jdbc.sql("""
                        SELECT d.sha256, d.file_name, d.title, d.kind, d.first_received_at,
                               (SELECT i.sender FROM intake i WHERE i.sha256 = d.sha256 ORDER BY i.id LIMIT 1),
                               (SELECT i.subject FROM intake i WHERE i.sha256 = d.sha256 ORDER BY i.id LIMIT 1)
                        FROM document d WHERE d.request_reference IS NULL
                        ORDER BY d.first_received_at DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new DocumentRecords.Unmatched(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<DocumentRecords.Summary> summaries(String column, List<String> values, int limit) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.sha256, d.file_name, d.title, d.kind, d.page_count, d.first_received_at,
                               d.request_reference, d.authority_code, d.needs_ocr, p.sha256 IS NOT NULL
                        FROM document d LEFT JOIN document_publication p ON p.sha256 = d.sha256
                        WHERE d.""" + column + " IN (" + String.join(", ", values.stream().map(v -> "?")
                        .toList()) + ") ORDER BY d.first_received_at DESC LIMIT ?")
                .params(java.util.stream.Stream.concat(values.stream(), java.util.stream.Stream.of(limit)).toList())
                .query((rs, n) -> new DocumentRecords.Summary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), DocumentKind.valueOf(rs.getString(4)).label(), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        rs.getBoolean(10)))
                .list();
    }

    void publish(String sha256, String by, java.time.Instant at) {
        jdbc.sql("INSERT IGNORE INTO document_publication (sha256, published_by, published_at) VALUES (?, ?, ?)")
                .params(sha256, by, java.sql.Timestamp.from(at)).update();
    }

    void recordDerived(String sha256, String fromSha256, java.time.Instant at) {
        jdbc.sql("INSERT IGNORE INTO derived_file (sha256, derived_from, stored_at) VALUES (?, ?, ?)")
                .params(sha256, fromSha256, java.sql.Timestamp.from(at)).update();
    }

    boolean derived(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM derived_file WHERE sha256 = ?").param(sha256)
                .query(Integer.class).single() > 0;
    }

    void unpublish(String sha256) {
        jdbc.sql("DELETE FROM document_publication WHERE sha256 = ?").param(sha256).update();
    }

    boolean published(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM document_publication WHERE sha256 = ?").param(sha256)
                .query(Integer.class).single() > 0;
    }

    /** Documents with pages that are images without text, oldest first. */
    List<String> needingOcr() {
        return jdbc.sql("SELECT sha256 FROM document WHERE needs_ocr ORDER BY first_received_at, sha256")
                .query(String.class).list();
    }

    /** Which of these files have a record: an intake of any outcome, a document, or a file derived from one. */
    java.util.Set<String> known(List<String> sha256s) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int from = 0; from < sha256s.size(); from += 500) {
            List<String> chunk = sha256s.subList(from, Math.min(sha256s.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            known.addAll(jdbc.sql("SELECT sha256 FROM intake WHERE sha256 IN (" + marks + ") UNION "
                    + "SELECT sha256 FROM document WHERE sha256 IN (" + marks + ") UNION "
                    + "SELECT sha256 FROM derived_file WHERE sha256 IN (" + marks + ")")
                    .params(java.util.stream.Stream.of(chunk, chunk, chunk).flatMap(List::stream).toList())
                    .query(String.class).list());
        }
        return known;
    }

    /** Every document's page count, by SHA-256 (one pass over the table, no page read). */
    java.util.Map<String, Integer> pageCounts() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT sha256, page_count FROM document")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Documents, a page at a time in hash order, for rebuilding the search index. */
    List<String> documentsAfter(String afterSha256, int limit) {
        return jdbc.sql("SELECT sha256 FROM document WHERE sha256 > ? ORDER BY sha256 LIMIT ?")
                .params(afterSha256, limit).query(String.class).list();
    }

    private static Quarantined quarantined(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        QuarantineReason known = reason == null ? null : QuarantineReason.valueOf(reason);
        return new Quarantined(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), rs.getString("channel"),
                rs.getString("source"), rs.getString("path"), rs.getString("file_name"), rs.getLong("size"),
                rs.getString("sha256"), reason, known == null ? null : known.explanation(), rs.getString("detail"),
                rs.getString("quarantine_status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

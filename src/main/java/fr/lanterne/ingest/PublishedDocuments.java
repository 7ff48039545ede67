package fr.lanterne.ingest;

import fr.lanterne.ingest.DocumentRecords.Publication;
import fr.lanterne.ingest.DocumentRecords.PublishedRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The documents a volunteer published, as visitors' pages and the feed read them: newest publication first, and the
 * requests they answer. Reads only.
 */
@Component
class PublishedDocuments {

    private static final String PUBLICATION_COLUMNS = """
            SELECT d.sha256, d.file_name, d.title, d.kind, d.page_count, d.media_type, d.request_reference,
                   d.authority_code, p.published_at, d.first_received_at
            FROM document d JOIN document_publication p ON p.sha256 = d.sha256""";

    private final JdbcClient jdbc;

    PublishedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Publication> latest(int limit) {
        return jdbc.sql(PUBLICATION_COLUMNS + " ORDER BY p.published_at DESC, d.sha256 LIMIT ?")
                .param(limit).query(PublishedDocuments::publication).list();
    }

    List<Publication> ofRequest(String reference) {
        return jdbc.sql(PUBLICATION_COLUMNS + " WHERE d.request_reference = ? ORDER BY p.published_at DESC, d.sha256")
                .param(reference).query(PublishedDocuments::publication).list();
    }

    /** @param authorityCodes only the requests whose documents came from these authorities; null for all */
    List<PublishedRequest> requests(List<String> authorityCodes, int offset, int limit) {
        List<Object> params = new ArrayList<>(authorityFilter(authorityCodes));
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                        SELECT d.request_reference, MIN(d.authority_code), MAX(p.published_at), COUNT(*)
                        FROM document d JOIN document_publication p ON p.sha256 = d.sha256
                        WHERE d.request_reference IS NOT NULL""" + where(authorityCodes)
                        + " GROUP BY d.request_reference"
                        + " ORDER BY MAX(p.published_at) DESC, d.request_reference DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new PublishedRequest(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4)))
                .list();
    }

    int countRequests(List<String> authorityCodes) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT d.request_reference)
                        FROM document d JOIN document_publication p ON p.sha256 = d.sha256
                        WHERE d.request_reference IS NOT NULL""" + where(authorityCodes))
                .params(authorityFilter(authorityCodes))
                .query(Integer.class).single();
    }

    private static String where(List<String> authorityCodes) {
        if (authorityCodes == null) {
            return "";
        }
        // An empty filter matches nothing (a département with no commune loaded), never everything.
        return authorityCodes.isEmpty() ? " AND FALSE"
                : " AND d.authority_code IN (" + String.join(", ", Collections.nCopies(authorityCodes.size(), "?"))
                + ")";
    }

    private static List<String> authorityFilter(List<String> authorityCodes) {
        return authorityCodes == null ? List.of() : authorityCodes;
    }

    private static Publication publication(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString(4);
        return new Publication(rs.getString(1), rs.getString(2), rs.getString(3), kind,
                DocumentKind.valueOf(kind).label(), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
    }
}

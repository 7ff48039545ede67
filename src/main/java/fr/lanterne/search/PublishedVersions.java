package fr.lanterne.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What visitors may search of each document (tables {@code published_version} and {@code published_page}): nothing,
 * the document as received, or the text of a published version given page by page (a redacted version, whose text
 * lacks the words occulted). The database holds it so that the index's published entries can be rebuilt from it.
 */
@Repository
class PublishedVersions {

    /** A document's publication: as received (no text of its own), or a version's page texts. */
    record Published(boolean asReceived, List<String> pageTexts) {
        Published {
            pageTexts = List.copyOf(pageTexts);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PublishedVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishes a version's text, replacing what was published of the document. */
    void saveVersion(String sha256, List<String> pageTexts) {
        remove(sha256);
        jdbc.sql("INSERT INTO published_version (sha256, as_received, published_at) VALUES (?, FALSE, ?)")
                .params(sha256, Timestamp.from(clock.instant())).update();
        for (int page = 0; page < pageTexts.size(); page++) {
            jdbc.sql("INSERT INTO published_page (sha256, page, text) VALUES (?, ?, ?)")
                    .params(sha256, page + 1, pageTexts.get(page) == null ? "" : pageTexts.get(page)).update();
        }
    }

    /** Publishes the document as received, replacing a version published before. */
    void saveAsReceived(String sha256) {
        remove(sha256);
        jdbc.sql("INSERT INTO published_version (sha256, as_received, published_at) VALUES (?, TRUE, ?)")
                .params(sha256, Timestamp.from(clock.instant())).update();
    }

    /** Publishes the document as received unless a version of it is published: that version's text stays. */
    void saveAsReceivedUnlessPublished(String sha256) {
        jdbc.sql("INSERT IGNORE INTO published_version (sha256, as_received, published_at) VALUES (?, TRUE, ?)")
                .params(sha256, Timestamp.from(clock.instant())).update();
    }

    /** Nothing of the document is public any longer. */
    void remove(String sha256) {
        jdbc.sql("DELETE FROM published_version WHERE sha256 = ?").param(sha256).update();
    }

    Optional<Published> of(String sha256) {
        Optional<Boolean> asReceived = jdbc.sql("SELECT as_received FROM published_version WHERE sha256 = ?")
                .param(sha256).query(Boolean.class).optional();
        if (asReceived.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = asReceived.get() ? List.of()
                : jdbc.sql("SELECT text FROM published_page WHERE sha256 = ? ORDER BY page").param(sha256)
                .query(String.class).list();
        return Optional.of(new Published(asReceived.get(), texts));
    }

    /**
     * How many published pages each published document should have in the index, given the pages of every document
     * as received (a document published as received has those).
     */
    Map<String, Integer> pageCounts(Map<String, Integer> receivedPages) {
        record Row(String sha256, boolean asReceived, int pages) {
        }
        return jdbc.sql("""
                        SELECT v.sha256, v.as_received, COUNT(p.page) FROM published_version v
                        LEFT JOIN published_page p ON p.sha256 = v.sha256 GROUP BY v.sha256, v.as_received""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getInt(3))).list().stream()
                .collect(Collectors.toMap(Row::sha256,
                        row -> row.asReceived() ? receivedPages.getOrDefault(row.sha256(), 0) : row.pages()));
    }
}

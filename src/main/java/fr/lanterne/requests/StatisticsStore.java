package fr.lanterne.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the statistics: counts by state, the dates of first answers, the monthly refusals and referrals. */
@Repository
class StatisticsStore {

    /** A sent request: when it left, when the authority received it, when it first answered (null: not yet). */
    record SentRequest(String departement, Long campaignId, LocalDate sentOn, LocalDate receivedOn,
                       LocalDate firstAnswerOn) {
    }

    record MonthRow(YearMonth month, EventType type, int requests) {
    }

    /**
     * The timeline is the record of what happened: the dated columns of a request keep the latest date of each kind
     * (a second partial answer replaces the first), the events keep them all. An express refusal recorded after the
     * CADA's registration is a confirmed refusal; the one the nightly job records after two months of silence is
     * not an answer.
     */
    private static final String DATES_OF_SENT_REQUESTS = """
            SELECT r.departement, r.campaign_id, r.received_on, e.sent_on, e.first_answer_on
            FROM request r
            JOIN (SELECT request_id,
                         MIN(CASE WHEN type = 'SENT' THEN event_date END) AS sent_on,
                         MIN(CASE WHEN type <> 'SENT' THEN event_date END) AS first_answer_on
                  FROM request_event
                  WHERE type IN ('SENT', 'ANSWERED', 'PARTIALLY_ANSWERED', 'REFUSED')
                     OR (type = 'CONFIRMED_REFUSAL' AND actor <> 'lanterne')
                  GROUP BY request_id) e ON e.request_id = r.id
            WHERE e.sent_on IS NOT NULL""";

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Statistics.StateCount> countByState(StatisticsFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("SELECT status, COUNT(*) FROM request r WHERE 1 = 1" + where.sql() + " GROUP BY status")
                .params(where.params())
                .query((rs, n) -> new Statistics.StateCount(RequestStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .list();
    }

    void sentRequests(StatisticsFilter filter, Consumer<SentRequest> consumer) {
        Where where = Where.of(filter);
        jdbc.sql(DATES_OF_SENT_REQUESTS + where.sql())
                .params(where.params())
                .query((RowCallbackHandler) rs -> consumer.accept(new SentRequest(rs.getString("departement"),
                        rs.getObject("campaign_id", Long.class), date(rs, "sent_on"), date(rs, "received_on"),
                        date(rs, "first_answer_on"))));
    }

    /** Per month, the number of requests that became implicit refusals, and of those referred to the CADA. */
    List<MonthRow> refusalsAndReferralsByMonth(StatisticsFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("""
                        SELECT YEAR(e.event_date), MONTH(e.event_date), e.type, COUNT(DISTINCT e.request_id)
                        FROM request_event e JOIN request r ON r.id = e.request_id
                        WHERE e.type IN ('IMPLICITLY_REFUSED', 'REFERRED_TO_CADA') AND e.event_date IS NOT NULL"""
                        + where.sql() + " GROUP BY YEAR(e.event_date), MONTH(e.event_date), e.type")
                .params(where.params())
                .query((rs, n) -> new MonthRow(YearMonth.of(rs.getInt(1), rs.getInt(2)),
                        EventType.valueOf(rs.getString(3)), rs.getInt(4)))
                .list();
    }

    List<Statistics.CampaignRef> campaigns() {
        return jdbc.sql("SELECT id, name FROM campaign ORDER BY id DESC")
                .query((rs, n) -> new Statistics.CampaignRef(rs.getLong(1), rs.getString(2)))
                .list();
    }

    List<String> departements() {
        return jdbc.sql("SELECT DISTINCT departement FROM request WHERE departement IS NOT NULL ORDER BY departement")
                .query(String.class).list();
    }

    /** The filter as SQL conditions on the request table, aliased {@code r}. */
    private record Where(String sql, List<Object> params) {

        static Where of(StatisticsFilter filter) {
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (filter.departement() != null) {
                sql.append(" AND r.departement = ?");
                params.add(filter.departement());
            }
            if (filter.campaignId() != null) {
                sql.append(" AND r.campaign_id = ?");
                params.add(filter.campaignId());
            }
            return new Where(sql.toString(), params);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}

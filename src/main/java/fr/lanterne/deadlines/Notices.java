package fr.lanterne.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the nightly job told volunteers, for their dashboard. */
@Service
public class Notices {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notice with the night it was given. */
    public record Dated(Notice notice, LocalDate night) {
    }

    /**
     * Notices of some owners (null: everyone's) given in the last {@code days} days, or due within them, soonest due
     * first.
     */
    public List<Dated> recent(List<String> owners, int days) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<Object> params = new java.util.ArrayList<>();
        String ownedBy = "";
        if (owners != null) {
            ownedBy = " owner IN (" + String.join(", ", owners.stream().map(o -> "?").toList()) + ") AND ";
            params.addAll(owners);
        }
        params.add(today.minusDays(days));
        params.add(today);
        params.add(today.plusDays(days));
        return jdbc.sql("""
                        SELECT notice_key, kind, request_id, reference, campaign_id, owner, due_date, message,
                               draft_file, run_date
                        FROM deadline_notice
                        WHERE""" + ownedBy + " (run_date >= ? OR due_date BETWEEN ? AND ?)"
                        + " ORDER BY due_date IS NULL, due_date, run_date DESC LIMIT 200")
                .params(params)
                .query((rs, n) -> new Dated(new Notice(rs.getString(1), NoticeKind.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getObject(5, Long.class), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9)),
                        rs.getObject(10, LocalDate.class)))
                .list();
    }
}

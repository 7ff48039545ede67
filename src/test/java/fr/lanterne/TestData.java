package fr.lanterne;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the shared test database back in a known state for the authorities a test uses. */
public final class TestData {

    private TestData() {
    }

    /** Forgets every address recorded for these authorities. */
    public static void forgetContacts(JdbcClient jdbc, List<String> authorityCodes) {
        String in = String.join(", ", authorityCodes.stream().map(c -> "?").toList());
        jdbc.sql("DELETE FROM authority_contact WHERE authority_id IN (SELECT id FROM authority WHERE code IN (" + in
                + "))").params(authorityCodes).update();
    }

    /** Forgets every request (and campaign target) to these authorities, so a test can create them again. */
    public static void forgetRequests(JdbcClient jdbc, List<String> authorityCodes) {
        String in = String.join(", ", authorityCodes.stream().map(c -> "?").toList());
        String ids = "SELECT id FROM authority WHERE code IN (" + in + ")";
        jdbc.sql("DELETE FROM request_event WHERE request_id IN (SELECT id FROM request WHERE authority_id IN (" + ids
                + "))").params(authorityCodes).update();
        jdbc.sql("DELETE FROM campaign_target WHERE authority_id IN (" + ids + ")").params(authorityCodes).update();
        jdbc.sql("DELETE FROM request WHERE authority_id IN (" + ids + ")").params(authorityCodes).update();
    }

    /** Forgets the campaigns whose name starts with a prefix, with their targets and requests. */
    public static void forgetCampaigns(JdbcClient jdbc, String namePrefix) {
        String like = namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String ids = "SELECT id FROM campaign WHERE name LIKE ?";
        jdbc.sql("DELETE FROM request_event WHERE request_id IN (SELECT id FROM request WHERE campaign_id IN (" + ids
                + "))").param(like).update();
        jdbc.sql("DELETE FROM request WHERE campaign_id IN (" + ids + ")").param(like).update();
        jdbc.sql("DELETE FROM campaign_target WHERE campaign_id IN (" + ids + ")").param(like).update();
        jdbc.sql("DELETE FROM campaign WHERE name LIKE ?").param(like).update();
    }
}

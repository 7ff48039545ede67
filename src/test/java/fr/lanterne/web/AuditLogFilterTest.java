package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditLogFilterTest {

    @Test
    void secrets_in_addresses_are_masked_and_the_rest_kept() {
        String[][] cases = {
                {"/installation", "jeton=q3Zk1v9dY0pQn4mBvX2rT7sLw8eHc6Ua", "/installation?jeton=…"},
                {"/installation", "lang=fr&jeton=abc&x=1", "/installation?lang=fr&jeton=…&x=1"},
                {"/calendar/q3Zk1v9dY0pQn4mBvX2rT7sLw8eHc6Ua.ics", null, "/calendar/….ics"},
                {"/compte/reinitialisation", "token=abc&password=secret", "/compte/reinitialisation?token=…&password=…"},
                {"/demandes/LNT-2026-000123/actions", null, "/demandes/LNT-2026-000123/actions"},
                {"/documents/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/liens/3", null,
                        "/documents/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/liens/3"},
                {"/api/deployments", "vendor=Briefcam&keyword=x", "/api/deployments?vendor=Briefcam&keyword=x"},
                {"/compte", "reset_token=abc&api-key=def", "/compte?reset_token=…&api-key=…"},
                {"/api/deployments/12", null, "/api/deployments/12"},
        };
        for (String[] c : cases) {
            assertThat(AuditLogFilter.withoutSecrets(c[0], c[1])).as(c[0] + "?" + c[1]).isEqualTo(c[2]);
        }
    }
}

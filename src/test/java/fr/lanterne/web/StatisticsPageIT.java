package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.requests.CraftedRequests;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.users.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

@LanterneIntegrationTest
class StatisticsPageIT {

    private static final String SPACE = "[\\u00a0\\u202f ]";

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Authorities authorities;

    CraftedRequests crafted;

    long campaign;

    @BeforeEach
    void stories() {
        TestUsers.ensure(users);
        crafted = new CraftedRequests(jdbc, authorities);
        campaign = crafted.campaign("<script>alert('campagne')</script> " + System.nanoTime());
        crafted.request(campaign, "mairie-06088", "06", RequestStatus.ANSWERED)
                .sent("2026-01-05").received("2026-01-07").event(EventType.ANSWERED, "2026-01-27");
        crafted.request(campaign, "mairie-06088", "06", RequestStatus.REFERRED_TO_CADA)
                .sent("2026-01-05").received("2026-01-06").event(EventType.IMPLICITLY_REFUSED, "2026-02-06")
                .event(EventType.REFERRED_TO_CADA, "2026-04-10");
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.REFUSED)
                .sent("2026-01-05").event(EventType.REFUSED, "2026-01-16");
        crafted.request(campaign, "mairie-2A004", "2A", RequestStatus.QUEUED);
    }

    @AfterEach
    void forget() {
        crafted.forget();
    }

    @Test
    void the_page_is_for_signed_in_users() {
        EntityExchangeResult<String> visitor = PageSession.anonymous(client).get("/statistiques");

        assertThat(visitor.getStatus().is3xxRedirection()).isTrue();
        assertThat(visitor.getResponseHeaders().getLocation()).asString().endsWith("/login");
    }

    @Test
    void a_researcher_reads_the_figures_of_a_campaign_in_charts_and_tables() {
        String page = signIn(TestUsers.RESEARCHER).page("/statistiques?campagne=" + campaign);

        assertThat(page).contains("<html lang=\"fr\"").contains("Statistiques des demandes")
                .contains("4 demandes au total.");
        // States: a chart and the same numbers in a table.
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                + "id=\"chart-states\" aria-label=\"Nombre de demandes dans chaque état\"")
                .contains("<title>satisfaite : 1</title>").contains("<title>refus exprès : 1</title>")
                .contains("<title>prête à envoyer : 1</title>").contains("<title>CADA saisie : 1</title>")
                .containsPattern("data-state=\"REFUSED\">\\s*<th scope=\"row\">refus exprès</th>\\s*"
                        + "<td class=\"number\">1</td>");
        // Three sent, two answered (after 20 and 11 days).
        assertThat(page).containsPattern("Sur 3 demandes envoyées, 2 ont reçu une réponse \\(67" + SPACE
                        + "%\\) ; délai médian de la première réponse, en jours : 15,5\\.")
                .containsPattern("data-key=\"06\">\\s*<th scope=\"row\">06 — Alpes-Maritimes</th>\\s*"
                        + "<td class=\"number\">2</td>\\s*<td class=\"number\">1</td>\\s*"
                        + "<td class=\"number\">50" + SPACE + "%</td>\\s*"
                        + "<td class=\"number\">20,0</td>")
                .containsPattern("data-key=\"2A\">\\s*<th scope=\"row\">2A — Corse-du-Sud</th>\\s*"
                        + "<td class=\"number\">1</td>\\s*<td class=\"number\">1</td>\\s*"
                        + "<td class=\"number\">100" + SPACE + "%</td>\\s*"
                        + "<td class=\"number\">11,0</td>");
        // Months: February (an implicit refusal), an empty March, April (a referral).
        assertThat(page).contains("id=\"chart-months\"")
                .containsPattern("data-month=\"2026-02\">\\s*<th scope=\"row\">févr. 2026</th>\\s*"
                        + "<td class=\"number\">1</td>\\s*<td class=\"number\">0</td>")
                .containsPattern("data-month=\"2026-03\">\\s*<th scope=\"row\">mars 2026</th>\\s*"
                        + "<td class=\"number\">0</td>\\s*<td class=\"number\">0</td>")
                .containsPattern("data-month=\"2026-04\">\\s*<th scope=\"row\">avr. 2026</th>\\s*"
                        + "<td class=\"number\">0</td>\\s*<td class=\"number\">1</td>")
                .contains("<title>avr. 2026 — Saisines de la CADA : 1</title>");
    }

    @Test
    void one_departement() {
        String page = signIn(TestUsers.VOLUNTEER)
                .page("/statistiques?campagne=" + campaign + "&departement=2A");

        assertThat(page).contains("2 demandes au total.").doesNotContain("data-key=\"06\"")
                .containsPattern("<option value=\"2A\"\\s+selected=\"selected\">2A — Corse-du-Sud</option>")
                .contains("Aucun refus implicite ni aucune saisine de la CADA pour l’instant.");
    }

    @Test
    void a_wrong_filter_is_said_beside_its_field() {
        String page = signIn(TestUsers.VOLUNTEER)
                .page("/statistiques?departement=Nice&campagne=0");

        assertThat(page).contains("id=\"departement-error\" class=\"field-error\">« NICE » n&#39;est pas un code")
                .contains("id=\"campagne-error\" class=\"field-error\">Aucune campagne n’a le numéro « 0 »");
    }

    @Test
    void a_campaign_name_is_escaped() {
        String page = signIn(TestUsers.RESEARCHER).page("/statistiques?campagne=" + campaign);

        assertThat(page).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;campagne&#39;)&lt;/script&gt;");
    }

    @Test
    void english_on_request() {
        String page = signIn(TestUsers.RESEARCHER)
                .page("/statistiques?lang=en&campagne=" + campaign);

        assertThat(page).contains("<html lang=\"en\"").contains("Request statistics").contains("Requests by state")
                .contains("<title>answered: 1</title>").contains("Median delay (days)");
    }

    private PageSession signIn(String username) {
        return PageSession.signIn(client, username, TestUsers.PASSWORD);
    }
}

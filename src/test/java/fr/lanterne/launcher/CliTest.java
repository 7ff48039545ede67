package fr.lanterne.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Usage errors are caught before any application context or database starts. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_with_2() {
        assertThat(run("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("frobnicate").contains("authorities").contains("registry").contains("users");
    }

    @Test
    void a_bad_argument_exits_with_2() {
        assertThat(run("users", "add", "alice")).as("--role is required").isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--role");
        assertThat(run("users", "add", "alice", "--role", "KING")).isEqualTo(Cli.USAGE);
        assertThat(run("registry", "list", "--technology", "LASERS")).isEqualTo(Cli.USAGE);
        assertThat(run("registry", "update", "not-a-number")).isEqualTo(Cli.USAGE);
    }

    @Test
    void a_group_without_a_command_asks_for_one() {
        assertThat(run("authorities")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("Précisez une commande").contains("import-contacts");
    }

    @Test
    void help_is_not_an_error() {
        assertThat(run("--help")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("Sans commande, Lanterne sert l'application web");
        assertThat(run("authorities", "import-contacts", "--help")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("insee,email,postal_address,source");
    }

    @Test
    void deadlines_explain_answers_without_a_database() {
        // Metz (Moselle): received Saturday 31 January 2026; 28 February is a Saturday, so the implicit refusal is
        // the 28th or, if CPC 642 extends it, Monday 2 March.
        assertThat(run("deadlines", "explain", "--received", "2026-01-31", "--insee", "57463", "--json"))
                .as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"departement\" : \"57\"").contains("\"step\" : \"IMPLICIT_REFUSAL\"")
                .contains("\"earliest\" : \"2026-02-28\"").contains("\"latest\" : \"2026-03-02\"")
                .contains("CRPA R311-13").contains("CADA_REFERRAL_DEADLINE");
    }

    /** CJA R421-1, R421-2; CPC 642; CRPA R*343-4; Code du travail L3134-13: the corrected windows and texts. */
    @Test
    void deadlines_explain_shows_the_court_window_without_stacking_and_the_local_good_friday() {
        // Paris, CADA registration 28 December 2026: refusal confirmed on Sunday 28 February 2027.
        assertThat(run("deadlines", "explain", "--received", "2026-11-10", "--insee", "75056", "--cada-registered",
                "2026-12-28", "--json")).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"earliest\" : \"2027-04-28\"", "\"latest\" : \"2027-04-29\"",
                        "ne s'y ajoute pas", "n° 488227", "par l'administration mise en cause vaut décision de refus")
                .doesNotContain("2027-05-03");
        out.getBuffer().setLength(0);
        // Mulhouse (68), refused 26 January 2027: the CADA referral is not extended by the local Good Friday.
        assertThat(run("deadlines", "explain", "--received", "2027-01-04", "--insee", "68224", "--refused",
                "2027-01-26", "--json")).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"latest\" : \"2027-03-26\"", "ne reportent pas cette échéance")
                .doesNotContain("2027-03-30");
    }

    /** CRPA L112-6 and R112-5, CJA R421-5, CE n° 488227: each remedies fact decides its own deadline. */
    @Test
    void deadlines_explain_says_which_deadline_cannot_be_held_against_the_requester() {
        // Paris: silence (the acknowledgement lacked the mentions), then the CADA and a confirmation by silence.
        assertThat(run("deadlines", "explain", "--received", "2026-02-20", "--insee", "75056", "--cada-registered",
                "2026-04-10", "--acknowledgement-remedies", "non", "--refusal-remedies", "oui", "--json"))
                .as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"opposable\" : false", "\"article\" : \"CRPA L112-6\"",
                "\"article\" : \"CRPA R112-5\"", "\"article\" : \"CE, 11 mars 2024, n° 488227\"")
                .doesNotContain("\"opposable\" : true").doesNotContain("CJA R421-5\"");
        out.getBuffer().setLength(0);
        // An express refusal that stated its remedies: the acknowledgement no longer matters (L112-6 al. 2).
        assertThat(run("deadlines", "explain", "--received", "2026-02-20", "--insee", "75056", "--refused",
                "2026-03-10", "--acknowledgement-remedies", "non", "--refusal-remedies", "oui", "--json"))
                .as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"opposable\" : true", "L112-6, alinéa 2")
                .doesNotContain("\"opposable\" : false");
        assertThat(run("deadlines", "explain", "--received", "2026-02-20", "--insee", "75056",
                "--refusal-remedies", "peut-être")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("--refusal-remedies attend « oui » ou « non »");
    }

    @Test
    void deadlines_explain_refuses_bad_dates_and_unknown_communes_with_a_sentence() {
        assertThat(run("deadlines", "explain", "--received", "2026-02-30", "--insee", "57463")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("2026-02-30").contains("février");
        assertThat(run("deadlines", "explain", "--received", "2026-01-31", "--insee", "99999")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Aucune commune actuelle n'a le code INSEE « 99999 »");
        assertThat(run("deadlines", "explain", "--received", "2026-03-01", "--insee", "06088", "--refused",
                "2026-02-15")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("précède");
    }

    @Test
    void spring_property_overrides_alone_mean_serve() {
        assertThat(Cli.isServerInvocation(new String[0])).isTrue();
        assertThat(Cli.isServerInvocation(new String[] {"--server.port=9090", "--lanterne.data-dir=/srv/x"})).isTrue();
        assertThat(Cli.isServerInvocation(new String[] {"users", "list"})).isFalse();
        assertThat(Cli.isServerInvocation(new String[] {"--help"})).isFalse();
    }
}

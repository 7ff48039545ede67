package fr.lanterne.deadlines;

import static fr.lanterne.deadlines.DeadlineStep.CADA_REFERRAL_DEADLINE;
import static fr.lanterne.deadlines.DeadlineStep.COURT_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two remedies facts, each with its own effect on the chain. Each row: what the acknowledgement of receipt and
 * the written refusal stated (true, false, null = not known), how the request went, then for the referral and the
 * court step whether the deadline can be held against the requester and the articles that verdict adds to the step.
 * <ul>
 * <li>CRPA L112-6 al. 1 and R112-5: an implicit refusal's time limits count only if the acknowledgement stated them
 * with the remedies; L112-6 al. 2: not so once an express refusal was duly notified before the implicit one.</li>
 * <li>CJA R421-5: an express refusal's time limits count only if its notification stated them with the remedies.</li>
 * <li>CE, 11 March 2024, n° 488227: without that information, a reasonable delay of one year at most; the court
 * deadline after the CADA follows a written confirmation's own mentions.</li>
 * </ul>
 * Received 20 February 2026 (Paris): silence ends 20 March; express refusal 10 March (before it) or 1 April (after
 * it, restarting the referral window); CADA registration 10 April; written confirmation 5 May.
 */
class RemedyRuleTest {

    private static final List<String> REMEDY_ARTICLES = List.of("CRPA L112-6", "CRPA R112-5", "CJA R421-5",
            "CE, 11 mars 2024, n° 488227");
    private static final String ACK = "CRPA L112-6; CRPA R112-5; CE, 11 mars 2024, n° 488227";
    private static final String REF = "CJA R421-5; CE, 11 mars 2024, n° 488227";

    private final DeadlineCalculator calculator = new DeadlineCalculator(new PublicHolidays(),
            Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneId.of("Europe/Paris")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                                     | ack   | refusal | express    | written | referral | referral articles | court | court articles | the referral says
            nothing said (L112-6, R421-5 as condition) | null  | null    | none       | false   | null     | -                 | null  | -              | aucun accusé de réception de la demande mentionnant
            implicit, acknowledgement stated it        | true  | null    | none       | false   | true     | -                 | true  | -              | l'accusé de réception de la demande mentionnait
            implicit, acknowledgement lacked it (L112-6) | false | null  | none       | false   | false    | ACK               | false | ACK            | L112-6, alinéa 1) : ce délai de deux mois ne vous est pas opposable
            implicit: the refusal's answer is not read | true  | false   | none       | false   | true     | -                 | true  | -              | ce délai vous est opposable
            express first, unknown (R421-5 condition)  | false | null    | 2026-03-10 | false   | null     | -                 | null  | -              | CRPA L112-6, alinéa 2
            express first, refusal lacked it (R421-5)  | true  | false   | 2026-03-10 | false   | false    | REF               | false | REF            | (CJA R421-5) : ce délai de deux mois ne vous est pas opposable
            express first, refusal stated it           | false | true    | 2026-03-10 | false   | true     | -                 | true  | -              | que le refus mentionnait les voies
            express after silence restarts the window  | false | true    | 2026-04-01 | false   | true     | -                 | true  | -              | que le refus mentionnait les voies
            written confirmation stated it (R421-5)    | false | true    | none       | true    | false    | ACK               | true  | -              | ne vous est pas opposable
            written confirmation lacked it (CE 488227) | true  | false   | none       | true    | true     | -                 | false | REF            | ce délai vous est opposable
            """)
    void eachDocumentDecidesItsOwnDeadline(String name, Boolean acknowledgement, Boolean refusal, String express,
            boolean written, Boolean referralOpposable, String referralArticles, Boolean courtOpposable,
            String courtArticles, String referralSays) {
        RequestFacts.Builder facts = RequestFacts.builder(LocalDate.parse("2026-02-20"), "75")
                .acknowledgementRemedies(acknowledgement).refusalRemedies(refusal)
                .dates(d -> d.withCadaRegisteredOn(LocalDate.parse("2026-04-10")));
        if (!express.equals("none")) {
            facts.dates(d -> d.withRefusedOn(LocalDate.parse(express)));
        }
        if (written) {
            facts.dates(d -> d.withConfirmedRefusalOn(LocalDate.parse("2026-05-05")));
        }
        DeadlineChain chain = calculator.explain(facts.build());
        Deadline referral = chain.step(CADA_REFERRAL_DEADLINE).orElseThrow();
        Deadline court = chain.step(COURT_DEADLINE).orElseThrow();

        assertThat(referral.opposable()).as("referral opposable: " + name).isEqualTo(referralOpposable);
        assertThat(court.opposable()).as("court opposable: " + name).isEqualTo(courtOpposable);
        assertThat(remedyArticles(referral)).as("referral articles: " + name).isEqualTo(articles(referralArticles));
        assertThat(remedyArticles(court)).as("court articles: " + name).isEqualTo(articles(courtArticles));
        assertThat(referral.explanation()).as(name).contains(referralSays);
        if (Boolean.FALSE.equals(referralOpposable)) {
            assertThat(referral.explanation()).contains("délai raisonnable", "un an", "n° 488227");
        }
        if (Boolean.FALSE.equals(courtOpposable)) {
            assertThat(court.explanation()).contains("ne vous est pas opposable", "un an", "n° 488227");
        }
        // The safe dates never count on the exception.
        assertThat(referral.earliest()).isEqualTo(calculator.explain(RequestFacts.builder(LocalDate.parse("2026-02-20"),
                "75").dates(d -> d.withRefusedOn(express.equals("none") ? null : LocalDate.parse(express))).build())
                .step(CADA_REFERRAL_DEADLINE).orElseThrow().earliest());
    }

    private static List<String> remedyArticles(Deadline step) {
        return step.basis().stream().map(LegalBasis::article).filter(REMEDY_ARTICLES::contains).toList();
    }

    private static List<String> articles(String column) {
        return switch (column) {
            case "-" -> List.of();
            case "ACK" -> Arrays.asList(ACK.split("; "));
            case "REF" -> Arrays.asList(REF.split("; "));
            default -> throw new IllegalArgumentException(column);
        };
    }
}

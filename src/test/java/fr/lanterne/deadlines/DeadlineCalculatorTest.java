package fr.lanterne.deadlines;

import static fr.lanterne.deadlines.DeadlineStep.CADA_OPINION;
import static fr.lanterne.deadlines.DeadlineStep.CADA_REFERRAL_DEADLINE;
import static fr.lanterne.deadlines.DeadlineStep.CADA_REGISTERED;
import static fr.lanterne.deadlines.DeadlineStep.CONFIRMED_REFUSAL;
import static fr.lanterne.deadlines.DeadlineStep.COURT_DEADLINE;
import static fr.lanterne.deadlines.DeadlineStep.EXPRESS_CONFIRMED_REFUSAL;
import static fr.lanterne.deadlines.DeadlineStep.EXPRESS_REFUSAL;
import static fr.lanterne.deadlines.DeadlineStep.FULL_ANSWER;
import static fr.lanterne.deadlines.DeadlineStep.IMPLICIT_REFUSAL;
import static fr.lanterne.deadlines.DeadlineStep.PARTIAL_ANSWER;
import static fr.lanterne.deadlines.DeadlineStep.RECEIVED;
import static fr.lanterne.deadlines.DeadlineStep.SENT;
import static fr.lanterne.deadlines.DeadlineStep.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeadlineCalculatorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DeadlineCalculator calculator = new DeadlineCalculator(new PublicHolidays(),
            Clock.fixed(Instant.parse("2026-03-20T23:30:00Z"), PARIS));

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void theClockGivesTodayInParis() {
        // 23:30 UTC on 20 March is already 21 March in Paris.
        var chain = calculator.explain(RequestFacts.builder(date("2026-03-02"), "75").build());
        assertThat(chain.asOf()).isEqualTo(date("2026-03-21"));
        assertThat(chain.stage()).isEqualTo(Stage.WAITING_FOR_ANSWER);
        assertThat(chain.departement()).isEqualTo("75");
    }

    @Test
    void aRequestWithNoAnswerShowsTheRefusalAndTheReferralDeadline() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-01-31"), "57").sent(date("2026-01-28"))
                .build());

        assertThat(chain.steps()).extracting(Deadline::step)
                .containsExactly(SENT, RECEIVED, IMPLICIT_REFUSAL, CADA_REFERRAL_DEADLINE);
        assertThat(chain.steps()).extracting(Deadline::kind).containsExactly(DeadlineKind.FACT, DeadlineKind.FACT,
                DeadlineKind.IMPLICIT_DECISION, DeadlineKind.ACTION_DEADLINE);
        assertThat(chain.step(RECEIVED).orElseThrow().name()).isEqualTo("Réception de la demande");
    }

    @Test
    void theFullChainAfterACadaReferralIsInOrder() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-04-10"))).build();

        assertThat(calculator.explain(facts).steps()).extracting(Deadline::step).containsExactly(RECEIVED,
                IMPLICIT_REFUSAL, CADA_REFERRAL_DEADLINE, CADA_REGISTERED, CADA_OPINION, CONFIRMED_REFUSAL,
                COURT_DEADLINE);
    }

    @Test
    void anOpinionThatArrivedIsAFactNotAnExpectation() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withCadaOpinionOn(date("2026-05-26"))).build();

        var opinion = calculator.explain(facts).step(CADA_OPINION).orElseThrow();
        assertThat(opinion.kind()).isEqualTo(DeadlineKind.FACT);
        assertThat(opinion.earliest()).isEqualTo(date("2026-05-26"));
    }

    @Test
    void aWrittenRefusalAfterTheReferralReplacesTheImplicitConfirmation() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withConfirmedRefusalOn(date("2026-05-15"))).build();

        var chain = calculator.explain(facts, date("2026-05-20"));
        assertThat(chain.step(CONFIRMED_REFUSAL)).isEmpty();
        assertThat(chain.step(EXPRESS_CONFIRMED_REFUSAL)).isPresent();
        // 15 July 2026 is a Wednesday; the délai franc gives Thursday 16.
        assertThat(chain.step(COURT_DEADLINE).orElseThrow()).satisfies(court -> {
            assertThat(court.earliest()).isEqualTo(date("2026-07-15"));
            assertThat(court.latest()).isEqualTo(date("2026-07-16"));
            assertThat(court.basis()).extracting(LegalBasis::article).startsWith("CJA R421-1");
        });
        assertThat(chain.stage()).isEqualTo(Stage.CONFIRMED_REFUSAL);
    }

    @Test
    void aWrittenRefusalAfterTheImplicitConfirmationKeepsBoth() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withConfirmedRefusalOn(date("2026-07-01"))).build();

        assertThat(calculator.explain(facts).steps()).extracting(Deadline::step).containsSubsequence(
                CONFIRMED_REFUSAL, EXPRESS_CONFIRMED_REFUSAL, COURT_DEADLINE);
    }

    @Test
    void anExpressRefusalBeforeTheEndOfTheMonthReplacesTheImplicitOne() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-03-02"), "75")
                .dates(d -> d.withRefusedOn(date("2026-03-20"))).build());

        assertThat(chain.steps()).extracting(Deadline::step)
                .containsExactly(RECEIVED, EXPRESS_REFUSAL, CADA_REFERRAL_DEADLINE);
        assertThat(chain.stage()).isEqualTo(Stage.REFUSED_EXPRESSLY);
        assertThat(chain.step(CADA_REFERRAL_DEADLINE).orElseThrow().basis()).extracting(LegalBasis::article)
                .contains("CRPA R343-1", "CPC art. 641", "CPC art. 642", "CRPA L342-1")
                .doesNotContain("CRPA R311-13");
    }

    @Test
    void aPartialAnswerKeepsTheImplicitRefusalOfTheRest() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-03-02"), "75")
                .dates(d -> d.withPartialAnswerOn(date("2026-03-16"))).build());

        assertThat(chain.steps()).extracting(Deadline::step)
                .containsExactly(RECEIVED, PARTIAL_ANSWER, IMPLICIT_REFUSAL, CADA_REFERRAL_DEADLINE);
        assertThat(chain.step(IMPLICIT_REFUSAL).orElseThrow().explanation())
                .startsWith("Pour la partie non communiquée");
        assertThat(chain.stage()).isEqualTo(Stage.PARTIALLY_ANSWERED);
    }

    @Test
    void aFullAnswerEndsTheChain() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-04-10"))
                .withAnsweredOn(date("2026-05-02"))).build());

        // The referral deadline (19-20 May) was still open on 2 May: it no longer applies and is dropped.
        assertThat(chain.steps()).extracting(Deadline::step).containsExactly(RECEIVED, IMPLICIT_REFUSAL,
                CADA_REGISTERED, FULL_ANSWER);
        assertThat(chain.step(FULL_ANSWER).orElseThrow().basis()).isEmpty();
        assertThat(chain.stage()).isEqualTo(Stage.ANSWERED);
    }

    @Test
    void aWithdrawalEndsTheChain() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-03-02"), "75").dates(d -> d
                .withWithdrawnOn(date("2026-03-10")))
                .build());

        assertThat(chain.steps()).extracting(Deadline::step).containsExactly(RECEIVED, WITHDRAWN);
        assertThat(chain.stage()).isEqualTo(Stage.WITHDRAWN);
    }

    /** Request received Monday 2 March 2026 in Paris: refusal Thursday 2 April, referral by 1-2 June. */
    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
            "2026-03-02, WAITING_FOR_ANSWER",
            "2026-04-02, WAITING_FOR_ANSWER",     // the authority can still answer on the last day
            "2026-04-03, REFUSED_IMPLICITLY",
            "2026-06-02, REFUSED_IMPLICITLY",     // last day under the most generous reading
            "2026-06-03, REFERRAL_DEADLINE_PASSED"
    })
    void stagesWithoutAnswer(LocalDate asOf, Stage stage) {
        var facts = RequestFacts.builder(date("2026-03-02"), "75").build();
        assertThat(calculator.explain(facts, asOf).stage()).isEqualTo(stage);
    }

    /** Request received 20 February 2026, referral registered Friday 10 April: confirmed refusal 10 June. */
    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
            "2026-04-10, REFERRED_TO_CADA",
            "2026-06-10, REFERRED_TO_CADA",
            "2026-06-11, CONFIRMED_REFUSAL",
            "2026-08-11, CONFIRMED_REFUSAL",      // délai franc
            "2026-08-12, COURT_DEADLINE_PASSED"
    })
    void stagesAfterTheReferral(LocalDate asOf, Stage stage) {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-04-10"))).build();
        assertThat(calculator.explain(facts, asOf).stage()).isEqualTo(stage);
    }

    @Test
    void anOpinionChangesTheStage() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withCadaOpinionOn(date("2026-05-26"))).build();
        assertThat(calculator.explain(facts, date("2026-05-27")).stage()).isEqualTo(Stage.CADA_OPINION_GIVEN);
    }

    @Test
    void disputedDatesCiteBothReadings() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-01-31"), "57").build());

        var refusal = chain.step(IMPLICIT_REFUSAL).orElseThrow();
        assertThat(refusal.disputed()).isTrue();
        assertThat(refusal.explanation()).contains("samedi 28 février 2026", "lundi 2 mars 2026", "article 642",
                "à partir du mardi 3 mars 2026");
        assertThat(refusal.basis()).extracting(LegalBasis::article)
                .containsExactly("CRPA R*311-12", "CRPA R311-13", "CPC art. 641", "CPC art. 642");

        var referral = chain.step(CADA_REFERRAL_DEADLINE).orElseThrow();
        assertThat(referral.explanation()).startsWith("Saisissez la CADA au plus tard le lundi 27 avril 2026")
                .contains("Lecture la plus stricte (lundi 27 avril 2026)", "Lecture la plus favorable (lundi 4 mai 2026)",
                        "calendrier national", "propres au département de l'administration (57)");
    }

    /** CRPA R343-1: the referral goes to the CADA in Paris; the authority's local holidays cannot extend it. */
    @Test
    void theReferralDeadlineIgnoresTheAuthoritysLocalHolidays() {
        // Refused 26 January 2027: 26 March 2027 is Good Friday, a holiday in 68 but not in Paris.
        var referral = calculator.explain(RequestFacts.builder(date("2027-01-04"), "68")
                .dates(d -> d.withRefusedOn(date("2027-01-26"))).build()).step(CADA_REFERRAL_DEADLINE).orElseThrow();
        assertThat(referral.latest()).isEqualTo(date("2027-03-26"));
        assertThat(referral.explanation()).contains("ne reportent pas cette échéance", "qui siège à Paris");
    }

    /** CRPA L112-6 and R112-5 while nobody said what the acknowledgement stated; CE 11 March 2024 n° 488227. */
    @Test
    void theReferralAndCourtStepsSayWhenTheDeadlineCannotBeHeldAgainstTheRequester() {
        var chain = calculator.explain(RequestFacts.builder(date("2026-02-20"), "75")
                .dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))).build());
        assertThat(chain.step(CADA_REFERRAL_DEADLINE).orElseThrow().explanation())
                .contains("ne vous est pas opposable", "CRPA R112-5 et L112-6", "délai raisonnable", "un an",
                        "n° 488227");
        assertThat(chain.step(COURT_DEADLINE).orElseThrow().explanation())
                .contains("ne vous est pas opposable", "CRPA R112-5 et L112-6", "un an", "11 mars 2024", "n° 488227");
        assertThat(chain.step(CADA_REFERRAL_DEADLINE).orElseThrow().opposable()).isNull();
    }

    /** Code du travail L3134-13: Good Friday is a holiday in some communes of 57, 67, 68 only. */
    @Test
    void aGoodFridayThatMovesADateIsExplainedAndTheSafeDateIgnoresIt() {
        var refusal = calculator.explain(RequestFacts.builder(date("2026-03-03"), "57").build())
                .step(IMPLICIT_REFUSAL).orElseThrow();
        assertThat(refusal.explanation()).contains("temple protestant ou une église mixte", "L3134-13");
        // The generous referral date counts from that extended silence (7 April + 2 months, Sunday 7 June → 8 June).
        var referral = calculator.explain(RequestFacts.builder(date("2026-03-03"), "57").build())
                .step(CADA_REFERRAL_DEADLINE).orElseThrow();
        assertThat(referral.latest()).isEqualTo(date("2026-06-08"));
        assertThat(referral.explanation()).contains("temple protestant");
        assertThat(referral.basis()).extracting(LegalBasis::article).contains("Code du travail L3134-13");

        // Confirmed refusal 26 January 2027; two months later is Good Friday 26 March 2027.
        var court = calculator.explain(RequestFacts.builder(date("2026-10-01"), "68")
                .dates(d -> d.withCadaRegisteredOn(date("2026-11-26"))).build()).step(COURT_DEADLINE).orElseThrow();
        assertThat(court.earliest()).isEqualTo(date("2027-03-26"));
        assertThat(court.explanation()).contains("temple protestant");

        var paris = calculator.explain(RequestFacts.builder(date("2026-03-03"), "75").build())
                .step(IMPLICIT_REFUSAL).orElseThrow();
        assertThat(paris.explanation()).doesNotContain("temple protestant");
    }

    /** CRPA R343-3, R*343-4, R343-5: the texts say what each article says. */
    @Test
    void theConfirmedRefusalRestsOnTheSilenceRuleAndItsTwoMonths() {
        assertThat(LegalBasis.CRPA_R343_4.text()).contains("silence", "R343-5", "vaut décision de refus")
                .doesNotContain("informe");
        assertThat(LegalBasis.CRPA_R343_5.text()).contains("deux mois", "enregistrement");
        assertThat(LegalBasis.CRPA_R343_3.text()).contains("informe la CADA", "dans le mois");
    }

    @Test
    void theCourtDeadlineNamesTheDelaiFranc() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-04-10"))).build();

        var court = calculator.explain(facts).step(COURT_DEADLINE).orElseThrow();
        assertThat(court.explanation()).contains("Lecture prudente (lundi 10 août 2026)",
                "Délai franc, comme le compte le juge administratif, sans autre report (mardi 11 août 2026)");
        assertThat(court.basis()).extracting(LegalBasis::article)
                .containsExactly("CJA R421-2", "CJA R421-1", "CRPA L342-1", "CPC art. 641", "CPC art. 642");
    }

    /** CJA R421-1, R421-2; CPC 642: the délai franc is not stacked on the disputed extension of the refusal. */
    @Test
    void theCourtDeadlineDoesNotStackTheExtendedRefusalOnTheDelaiFranc() {
        // Registered 28 December 2026: the refusal is confirmed on Sunday 28 February 2027.
        var court = calculator.explain(RequestFacts.builder(date("2026-11-10"), "75")
                .dates(d -> d.withCadaRegisteredOn(date("2026-12-28"))).build()).step(COURT_DEADLINE).orElseThrow();
        assertThat(court.earliest()).isEqualTo(date("2027-04-28"));
        assertThat(court.latest()).isEqualTo(date("2027-04-29"));
        assertThat(court.explanation()).contains("ne s'y ajoute pas", "lundi 1er mars 2027");
    }

    @Test
    void aHolidayIsNamedWhenItMovesADate() {
        var refusal = calculator.explain(RequestFacts.builder(date("2026-03-03"), "57").build())
                .step(IMPLICIT_REFUSAL).orElseThrow();
        assertThat(refusal.explanation()).contains("(Vendredi Saint, jour férié dans le département 57)");
    }

    @Test
    void aLateRegistrationIsFlagged() {
        var facts = RequestFacts.builder(date("2026-02-20"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-06-15"))).build();
        assertThat(calculator.explain(facts).step(CADA_REGISTERED).orElseThrow().explanation())
                .contains("Attention", "tardive");
    }

    @Test
    void refusesAReferralRegisteredBeforeTheImplicitRefusal() {
        // Received 2 March 2026: the implicit refusal is born on 2 April; a referral on that day is premature.
        var facts = RequestFacts.builder(date("2026-03-02"), "75").dates(d -> d
                .withCadaRegisteredOn(date("2026-04-02"))).build();

        assertThatThrownBy(() -> calculator.explain(facts))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La CADA ne peut enregistrer une saisine qu'après un refus : l'enregistrement du jeudi "
                        + "2 avril 2026 précède le refus implicite, né le jeudi 2 avril 2026 un mois après la "
                        + "réception, vérifiez les dates.");
    }

    @Test
    void acceptsAReferralRegisteredOnTheDayOfAnExpressRefusal() {
        var facts = RequestFacts.builder(date("2026-03-02"), "75").dates(d -> d.withRefusedOn(date("2026-03-20"))
                .withCadaRegisteredOn(date("2026-03-20"))).build();
        assertThat(calculator.explain(facts).stage()).isEqualTo(Stage.REFERRED_TO_CADA);
    }

    @Test
    void serialisesToTheExplainJson() throws Exception {
        var chain = calculator.explain(RequestFacts.builder(date("2026-01-31"), "57").build(), date("2026-03-05"));

        JsonNode json = JsonMapper.builder().build().readTree(JsonMapper.builder().build().writeValueAsString(chain));

        assertThat(json.propertyNames()).containsExactly("departement", "asOf", "stage", "steps");
        assertThat(json.get("asOf").asString()).isEqualTo("2026-03-05");
        assertThat(json.get("stage").asString()).isEqualTo("REFUSED_IMPLICITLY");
        JsonNode refusal = json.get("steps").get(1);
        assertThat(refusal.propertyNames())
                .containsExactly("step", "name", "kind", "earliest", "latest", "basis", "explanation", "opposable");
        assertThat(refusal.get("opposable").isNull()).isTrue();
        assertThat(refusal.get("step").asString()).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(refusal.get("name").asString()).isEqualTo("Refus implicite");
        assertThat(refusal.get("earliest").asString()).isEqualTo("2026-02-28");
        assertThat(refusal.get("latest").asString()).isEqualTo("2026-03-02");
        assertThat(refusal.get("basis").get(0).get("article").asString()).isEqualTo("CRPA R*311-12");
        assertThat(refusal.get("basis").get(0).propertyNames()).containsExactly("article", "text");
    }
}

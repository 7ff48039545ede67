package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRPA R330-2: communes of 10,000 inhabitants or more and EPCI gathering 10,000 or more name a PRADA. */
class PradaRuleTest {

    @ParameterizedTest(name = "{0} current={1} population={2} → {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # kind,             current, population, due,   why
            COMMUNE,            true,    10000,      true,  R330-2: 10,000 or more
            COMMUNE,            true,    357737,     true,  R330-2
            COMMUNE,            true,    9999,       false, R330-2: below the threshold
            COMMUNE,            true,    2008,       false, R330-2
            COMMUNE,            true,    null,       false, unknown population: not asserted
            COMMUNE,            false,   50000,      false, merged away: its successor answers
            MUNICIPAL_DISTRICT, true,    37599,      false, an arrondissement is part of its commune (Marseille)
            DELEGATED,          true,    12000,      false, a commune déléguée is part of its commune nouvelle
            ASSOCIATED,         true,    15000,      false, a commune associée is part of its commune
            """)
    void communes(CommuneKind kind, boolean current, Integer population, boolean due, String why) {
        PradaRule.Verdict verdict = PradaRule.forCommune(kind, current, population);
        assertThat(verdict.due()).as(why).isEqualTo(due);
        assertThat(verdict.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "EPCI current={0} population={1} → {2}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  574284, true
            true,  10000,  true
            true,  9999,   false
            true,  null,   false
            false, 574284, false
            """)
    void intercommunalites(boolean current, Integer populationTotal, boolean due) {
        PradaRule.Verdict verdict = PradaRule.forEpci(current, populationTotal);
        assertThat(verdict.due()).isEqualTo(due);
        if (current && populationTotal != null) {
            assertThat(verdict.reason()).contains("R330-2");
        }
    }
}

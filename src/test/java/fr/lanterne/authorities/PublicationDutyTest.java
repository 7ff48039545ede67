package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.authorities.PublicationDuty.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CRPA L312-1-1 1°: documents communicated are published online, except by collectivités territoriales of fewer
 * than 3,500 inhabitants (L312-1-1) and by bodies of fewer than 50 agents in full-time equivalents (D312-1-1-1).
 */
class PublicationDutyTest {

    @ParameterizedTest(name = "commune {0} current={1} population={2} agents={3} → {4}")
    @CsvSource(nullValues = "null", textBlock = """
            # kind,             current, population, agents, status,         reason contains
            COMMUNE,            true,    20000,      null,   PROBABLE,       50 agents
            COMMUNE,            true,    3500,       null,   PROBABLE,       D312-1-1-1
            COMMUNE,            true,    3499,       null,   NOT_APPLICABLE, moins de 3 500
            COMMUNE,            true,    2008,       200,    NOT_APPLICABLE, L312-1-1
            COMMUNE,            true,    20000,      120,    APPLICABLE,     L312-1-1 1°
            COMMUNE,            true,    20000,      49,     NOT_APPLICABLE, D312-1-1-1
            COMMUNE,            true,    20000,      50,     APPLICABLE,     50 agents
            COMMUNE,            true,    null,       null,   UNKNOWN,        inconnue
            COMMUNE,            false,   20000,      null,   NOT_APPLICABLE, commune en vigueur
            MUNICIPAL_DISTRICT, true,    37599,      null,   NOT_APPLICABLE, commune en vigueur
            """)
    void communes(CommuneKind kind, boolean current, Integer population, Integer agents, Status status,
                  String reason) {
        PublicationDuty.Verdict verdict = PublicationDuty.forCommune(kind, current, population, agents);
        assertThat(verdict.status()).isEqualTo(status);
        assertThat(verdict.reason()).contains(reason);
    }

    @ParameterizedTest(name = "EPCI current={0} population={1} agents={2} → {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # An EPCI is not a collectivité territoriale: the 3,500 inhabitants exemption does not spare it.
            true,  574284, null, PROBABLE
            true,  2500,   null, UNKNOWN
            true,  2500,   60,   APPLICABLE
            true,  574284, 30,   NOT_APPLICABLE
            false, 574284, null, NOT_APPLICABLE
            """)
    void intercommunalites(boolean current, Integer population, Integer agents, Status status) {
        assertThat(PublicationDuty.forEpci(current, population, agents).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"APPLICABLE, true", "PROBABLE, true", "NOT_APPLICABLE, false", "UNKNOWN, false"})
    void letters_ask_for_the_publication_address_where_it_applies_or_probably_does(Status status, boolean asked) {
        assertThat(status.asked()).isEqualTo(asked);
    }
}

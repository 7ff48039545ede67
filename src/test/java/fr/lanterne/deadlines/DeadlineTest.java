package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 2);

    @Test
    void refusesALatestDateBeforeTheEarliest() {
        assertThatThrownBy(() -> new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION, DAY,
                DAY.minusDays(1), List.of(LegalBasis.CRPA_R311_13), "explication"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAComputedDateWithoutLegalBasis() {
        assertThatThrownBy(() -> new Deadline(DeadlineStep.COURT_DEADLINE, DeadlineKind.ACTION_DEADLINE, DAY, DAY,
                List.of(), "explication"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legal basis");
    }

    @Test
    void aRecordedFactNeedsNoLegalBasis() {
        assertThat(new Deadline(DeadlineStep.WITHDRAWN, DeadlineKind.FACT, DAY, DAY, List.of(), "Retirée").name())
                .isEqualTo("Demande retirée");
    }

    @Test
    void refusesAStepWithoutExplanation() {
        assertThatThrownBy(() -> new Deadline(DeadlineStep.RECEIVED, DeadlineKind.FACT, DAY, DAY, List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhenReadingsDisagree() {
        var basis = List.of(LegalBasis.CRPA_R311_13);
        assertThat(new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION, DAY, DAY.plusDays(3),
                basis, "x").disputed()).isTrue();
        assertThat(new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION, DAY, DAY, basis, "x")
                .disputed()).isFalse();
    }
}

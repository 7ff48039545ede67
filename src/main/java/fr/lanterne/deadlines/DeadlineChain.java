package fr.lanterne.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The steps of one request, in the order they happen, and where the request stands on {@code asOf}. */
public record DeadlineChain(String departement, LocalDate asOf, Stage stage, List<Deadline> steps) {

    public DeadlineChain {
        Objects.requireNonNull(departement, "departement");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(stage, "stage");
        steps = List.copyOf(steps);
    }

    public Optional<Deadline> step(DeadlineStep step) {
        return steps.stream().filter(deadline -> deadline.step() == step).findFirst();
    }
}

package fr.lanterne.web;

import fr.lanterne.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the constraints of a record a controller built by hand (from a {@code Map} of form fields, say) rather
 * than bound with {@code @Valid}: a refusal is an {@link InvalidInputException} whose message names each field in
 * French, shown like any other refusal (a 400 problem document, or the sentence beside the form).
 */
public final class Inputs {

    private Inputs() {
    }

    public static <T> T check(Validator validator, T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return input;
        }
        List<FieldProblem> problems = violations.stream().map(FieldProblem::of)
                .sorted(Comparator.comparing(FieldProblem::field)).distinct().toList();
        throw new InvalidInputException(problems.stream().map(FieldProblem::detail)
                .collect(Collectors.joining(" ")), Map.of("field", problems.get(0).field()));
    }
}

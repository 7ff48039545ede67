package fr.lanterne.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One field refused, with a French sentence that names it and says what would do: the same sentence for a JSON body
 * (in the problem document's {@code errors}) and for a form (beside the field). Built from the Jakarta Bean
 * Validation constraint that failed ({@code @Size}, {@code @NotBlank}, {@code @Pattern}…), never from its
 * library message. A constraint's own {@code message}, when written in plain words (not a {@code {key}}), says what
 * is expected: {@code @Pattern(regexp = "…", message = "un code de département (06, 2A, 974)")}.
 *
 * @param field the field as the client wrote it: {@code place}, {@code sources[0].quote}
 */
public record FieldProblem(String field, String detail) {

    /** Every field refused in a bound body or form, in the order of the errors. */
    public static List<FieldProblem> all(Errors errors) {
        return errors.getFieldErrors().stream().map(FieldProblem::of).distinct().toList();
    }

    /** Every field refused when a controller's parameters ({@code @RequestParam @Size(max = 100) String name}) or a
     * body were validated as method arguments. */
    public static List<FieldProblem> all(MethodValidationResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult parameter : result.getParameterValidationResults()) {
            if (parameter instanceof ParameterErrors errors) {
                problems.addAll(all(errors));
                continue;
            }
            String name = name(parameter.getMethodParameter());
            for (MessageSourceResolvable resolvable : parameter.getResolvableErrors()) {
                ConstraintViolation<?> violation = parameter.unwrap(resolvable, ConstraintViolation.class);
                problems.add(violation == null ? new FieldProblem(name, quote(name) + " : valeur refusée.")
                        : of(name, violation));
            }
        }
        return problems.stream().distinct().toList();
    }

    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() == null ? "paramètre" : parameter.getParameterName();
    }

    public static FieldProblem of(FieldError error) {
        ConstraintViolation<?> violation = error.contains(ConstraintViolation.class)
                ? error.unwrap(ConstraintViolation.class) : null;
        if (violation == null) {
            return new FieldProblem(error.getField(), quote(error.getField()) + " : valeur refusée.");
        }
        return of(error.getField(), violation);
    }

    public static FieldProblem of(ConstraintViolation<?> violation) {
        return of(violation.getPropertyPath().toString(), violation);
    }

    private static FieldProblem of(String field, ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        return new FieldProblem(field, sentence(field, descriptor.getAnnotation().annotationType().getSimpleName(),
                violation.getInvalidValue(), descriptor.getAttributes()));
    }

    /**
     * @param constraint the constraint's simple name: {@code Size}, {@code NotBlank}…
     * @param attributes the constraint's attributes ({@code max}, {@code message}…)
     */
    static String sentence(String field, String constraint, Object value, Map<String, Object> attributes) {
        String name = quote(field);
        String expected = expected(attributes);
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> name + " est obligatoire" + (expected == null ? "."
                    : " : il faut " + expected + ".");
            case "Size" -> size(name, value, attributes);
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> name + " : " + value + ", il faut au moins "
                    + bound(constraint, attributes, "PositiveOrZero", 0, "Positive", 1, "min", "value") + ".";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> name + " : " + value + ", il faut au plus "
                    + bound(constraint, attributes, "NegativeOrZero", 0, "Negative", -1, "max", "value") + ".";
            case "Past", "PastOrPresent" -> name + " : " + shown(value) + " est dans le futur ; une date passée "
                    + "convient (AAAA-MM-JJ).";
            case "Future", "FutureOrPresent" -> name + " : " + shown(value) + " est déjà passé.";
            case "Email" -> name + " : " + shown(value) + " n’est pas une adresse électronique (nom@exemple.fr).";
            default -> name + " : " + shown(value) + " ne convient pas" + (expected == null ? "."
                    : " : il faut " + expected + ".");
        };
    }

    private static String size(String name, Object value, Map<String, Object> attributes) {
        int min = (Integer) attributes.getOrDefault("min", 0);
        int max = (Integer) attributes.getOrDefault("max", Integer.MAX_VALUE);
        boolean text = !(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[]);
        int length = value instanceof CharSequence s ? s.length()
                : value instanceof Collection<?> c ? c.size()
                : value instanceof Map<?, ?> m ? m.size()
                : value instanceof Object[] a ? a.length : 0;
        String unit = text ? "caractère" : "élément";
        if (length > max) {
            return name + " : " + count(length, unit) + ", " + max + " au plus.";
        }
        return name + " : " + count(length, unit) + ", " + min + " au moins.";
    }

    /** French counts 0 and 1 in the singular. */
    static String count(long n, String unit) {
        return n + " " + unit + (n > 1 ? "s" : "");
    }

    private static Object bound(String constraint, Map<String, Object> attributes, String orZero, int zero,
                                String strict, int one, String... keys) {
        if (constraint.equals(orZero)) {
            return zero;
        }
        if (constraint.equals(strict)) {
            return one;
        }
        for (String key : keys) {
            if (attributes.containsKey(key)) {
                return attributes.get(key);
            }
        }
        return "?";
    }

    /** The constraint's own message when a person wrote it (a Bean Validation key is in braces). */
    private static String expected(Map<String, Object> attributes) {
        Object message = attributes.get("message");
        return message instanceof String s && !s.isBlank() && !s.startsWith("{") ? s : null;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "une valeur vide";
        }
        if (value instanceof LocalDate || value instanceof Temporal || value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        return "« " + (text.length() > 60 ? text.substring(0, 57) + "…" : text) + " »";
    }

    static String quote(String field) {
        return "« " + field + " »";
    }
}

package fr.lanterne.web.api;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.deadlines.DateInput;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What a JSON body that Jackson could not read got wrong, as a French sentence naming the field ({@code « channel » :
 * « FAX » n’est pas une valeur possible…}); Jackson's own messages are English and name Java classes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** @param field the field as the client wrote it ({@code sources[0].seenOn}), or null for the whole body */
    record JsonProblem(String field, String detail) {
    }

    static JsonProblem of(JacksonException exception) {
        String field = path(exception);
        String name = field == null ? null : "« " + field + " »";
        if (exception instanceof UnexpectedEndOfInputException) {
            return new JsonProblem(null, "Le corps de la requête s’arrête avant la fin du JSON : vérifiez qu’il est "
                    + "complet (accolades, crochets et guillemets fermés).");
        }
        if (exception instanceof InputCoercionException coercion && name != null) {
            return new JsonProblem(field, name + " : ce nombre est trop grand pour ce champ (il faut "
                    + expected(coercion.getTargetType()) + ").");
        }
        if (exception instanceof PropertyBindingException unknown) {
            return new JsonProblem(unknown.getPropertyName(), "« " + unknown.getPropertyName()
                    + " » n’est pas un champ connu de cette action.");
        }
        if (exception instanceof InvalidNullException && name != null) {
            return new JsonProblem(field, name + " ne peut pas être null : donnez une valeur ou omettez le champ.");
        }
        if (exception instanceof InvalidFormatException format && name != null) {
            return new JsonProblem(field, invalidValue(name, format.getValue(), format.getTargetType()));
        }
        if (exception instanceof MismatchedInputException mismatch) {
            if (name != null) {
                return new JsonProblem(field, name + " n’a pas le bon type : il faut "
                        + expected(mismatch.getTargetType()) + ".");
            }
            if (mismatch.getCurrentToken() == null) {
                return new JsonProblem(null, "Le corps de la requête est vide : envoyez un objet JSON "
                        + "(Content-Type: application/json).");
            }
            return new JsonProblem(null, "Le corps de la requête doit être un objet JSON, entre accolades { }.");
        }
        if (exception instanceof StreamReadException) {
            return new JsonProblem(null, "Le corps de la requête n’est pas du JSON valide" + where(exception)
                    + " : vérifiez les guillemets, les virgules et les deux-points.");
        }
        return new JsonProblem(field, name == null ? "Le corps de la requête ne convient pas pour cette action."
                : name + " ne convient pas pour cette action.");
    }

    static String invalidValue(String name, Object value, Class<?> type) {
        if (!(value instanceof String)) {
            // A number or a boolean where something else was expected: refused, not converted.
            return name + " n’a pas le bon type : il faut " + expected(type) + ".";
        }
        String shown = "« " + value + " »";
        if (type != null && type.isEnum()) {
            return name + " : " + shown + " n’est pas une valeur possible ; valeurs possibles : "
                    + constants(type) + ".";
        }
        if (type == LocalDate.class && value instanceof String text) {
            try {
                DateInput.parse(text);
            } catch (InvalidInputException e) {
                // DateInput says why ("février 2026 n'a que 28 jours"): its sentence starts with "La date".
                return name + " : l" + e.getMessage().substring(1);
            }
        }
        return name + " : " + shown + " ne convient pas, il faut " + expected(type) + ".";
    }

    /** What a field of this type takes, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "une autre valeur";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "un texte entre guillemets";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "un nombre entier";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || Number.class.isAssignableFrom(type)) {
            return "un nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false";
        }
        if (type.isEnum()) {
            return "une de ces valeurs : " + constants(type);
        }
        if (type == LocalDate.class || Temporal.class.isAssignableFrom(type)) {
            return "une date AAAA-MM-JJ entre guillemets (par exemple \"2026-03-15\")";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste entre crochets [ ]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "un objet entre accolades { }";
        }
        return "une autre valeur";
    }

    private static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The path as a client writes it: {@code sources[0].seenOn}. */
    static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String where(JacksonException exception) {
        TokenStreamLocation location = exception.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (ligne " + location.getLineNr() + ", colonne " + location.getColumnNr() + ")";
    }
}

package fr.lanterne.web.api;

import fr.lanterne.shared.UserError;
import fr.lanterne.web.BodyTooLargeException;
import fr.lanterne.web.ErrorStatus;
import fr.lanterne.web.FieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

/**
 * Turns refusals into RFC 9457 problem documents whose {@code detail} is a sentence a person can act on, with the
 * offending values as extra members ({@code "insee": "99999"}). A body that breaks its record's constraints
 * ({@code @Size}, {@code @NotBlank}… checked by {@code @Valid}) or that Jackson cannot read gets a {@code detail}
 * naming each field in French and an {@code errors} list, one {@code {"field", "detail"}} per field; no library's
 * message ever reaches {@code detail}.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
// Before Spring Boot's generic problem-details handler, whose messages are English and technical.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler(UserError.class)
    ProblemDetail userError(UserError error) {
        return problem(ErrorStatus.of(error), error);
    }

    /**
     * Records validate in their constructor, and Jackson wraps what they throw; a body past the size cap stops the
     * reading; otherwise Jackson could not read the JSON, and {@link JsonProblems} says why in French.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        JacksonException jackson = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserError error) {
                return problem(ErrorStatus.of(error), error);
            }
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge.limit().toBytes(), tooLarge.getMessage());
            }
            if (jackson == null && cause instanceof JacksonException found) {
                jackson = found;
            }
        }
        if (jackson == null) {
            // Spring found no body at all (Jackson reads none).
            return invalid("Requête illisible", "Le corps de la requête est vide : envoyez un objet JSON "
                    + "(Content-Type: application/json).", List.of());
        }
        JsonProblems.JsonProblem found = JsonProblems.of(jackson);
        return invalid("Requête illisible", found.detail(), found.field() == null ? List.of()
                : List.of(new FieldProblem(found.field(), found.detail())));
    }

    /** A body ({@code @Valid @RequestBody}) that breaks its constraints. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException exception) {
        return invalid("Requête refusée", null, FieldProblem.all(exception.getBindingResult()));
    }

    /** Parameters with constraints of their own ({@code @RequestParam @Size(max = 100) String name}). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException exception) {
        return invalid("Requête refusée", null, FieldProblem.all(exception));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException exception) {
        long max = exception.getMaxUploadSize();
        return tooLarge(max, "Le fichier envoyé est trop grand" + (max > 0 ? " (" + max / (1024 * 1024)
                + " Mo au plus)" : "") + " : déposez-le dans le dossier d’arrivée et lancez « ingest DOSSIER ».");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException exception) {
        return invalid("Fichier manquant", "Envoyez le fichier en multipart/form-data, dans le champ « file ».",
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Cette action attend un autre type de contenu"
                        + (exception.getSupportedMediaTypes().isEmpty() ? "" : " : " + exception
                        .getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", ")))
                        + " (en-tête Content-Type).");
        problem.setTitle("Type de contenu refusé");
        return problem;
    }

    private static ProblemDetail tooLarge(long limitBytes, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setTitle("Requête trop grande");
        if (limitBytes > 0) {
            problem.setProperty("limitBytes", limitBytes);
        }
        return problem;
    }

    /** @param detail the sentence, or null to join those of the fields */
    private static ProblemDetail invalid(String title, String detail, List<FieldProblem> fields) {
        String sentence = detail != null ? detail : fields.isEmpty() ? "La requête ne convient pas pour cette action."
                : fields.stream().map(FieldProblem::detail).collect(Collectors.joining(" "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sentence);
        problem.setTitle(title);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream()
                    .map(f -> Map.of("field", f.field(), "detail", f.detail())).toList());
            if (fields.size() == 1) {
                problem.setProperty("field", fields.get(0).field());
            }
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException exception) {
        Class<?> type = exception.getRequiredType();
        String expected = type != null && type.isEnum()
                ? "une de ces valeurs : " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "))
                : type == null ? "une autre valeur" : "une valeur de type " + type.getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "« " + exception.getValue() + " » ne convient pas pour « " + exception.getName() + " » : il faut "
                        + expected + ".");
        problem.setTitle("Paramètre invalide");
        problem.setProperty("parameter", exception.getName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le paramètre « " + exception.getParameterName() + " » est obligatoire.");
        problem.setTitle("Paramètre manquant");
        problem.setProperty("parameter", exception.getParameterName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Envoyez le fichier dans le champ « " + exception.getRequestPartName() + " » (multipart/form-data).");
        problem.setTitle("Fichier manquant");
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, UserError error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, error.getMessage());
        problem.setTitle(switch (status) {
            case NOT_FOUND -> "Introuvable";
            case CONFLICT -> "Conflit";
            case FORBIDDEN -> "Action non permise";
            default -> "Requête refusée";
        });
        error.details().forEach(problem::setProperty);
        if (error.details().get("field") instanceof String field) {
            problem.setProperty("errors", List.of(Map.of("field", field, "detail", error.getMessage())));
        }
        return problem;
    }
}

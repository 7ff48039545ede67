package fr.lanterne.web.api;

import fr.lanterne.UserError;
import fr.lanterne.web.ErrorStatus;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns refusals into RFC 9457 problem documents whose {@code detail} is a sentence a person can act on, with the
 * offending values as extra members ({@code "insee": "99999"}).
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
// Before Spring Boot's generic problem-details handler, whose messages are English and technical.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler(UserError.class)
    ProblemDetail userError(UserError error) {
        return problem(ErrorStatus.of(error), error);
    }

    /** Records validate in their constructor; Jackson wraps what they throw. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserError error) {
                return problem(ErrorStatus.of(error), error);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un JSON valide pour cette action : " + rootMessage(exception));
        problem.setTitle("Requête illisible");
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
            default -> "Requête refusée";
        });
        error.details().forEach(problem::setProperty);
        return problem;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

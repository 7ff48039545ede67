package fr.lanterne.web.pages;

import fr.lanterne.shared.UserError;
import fr.lanterne.web.ErrorStatus;
import fr.lanterne.web.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A refusal on a page shows the same sentence as the API, in a page, with the right status. A form whose
 * controller takes no {@code BindingResult} gets its refused fields here, each named in a French sentence; a form
 * shown again with its errors beside each field takes a {@code BindingResult} after its {@code @Valid} form.
 */
@ControllerAdvice(basePackageClasses = PageExceptionHandler.class)
class PageExceptionHandler {

    @ExceptionHandler(UserError.class)
    String userError(UserError error, HttpServletResponse response, Model model) {
        return page(ErrorStatus.of(error).value(), error.getMessage(), response, model);
    }

    /** A {@code @Valid} form without a {@code BindingResult} (MethodArgumentNotValidException is a BindException). */
    @ExceptionHandler(BindException.class)
    String invalidForm(BindException exception, HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_BAD_REQUEST, sentences(FieldProblem.all(exception.getBindingResult())),
                response, model);
    }

    /** Form fields read one by one ({@code @RequestParam @Size(max = 60) String username}). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    String invalidParameters(HandlerMethodValidationException exception, HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_BAD_REQUEST, sentences(FieldProblem.all(exception)), response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(MaxUploadSizeExceededException exception, HttpServletResponse response, Model model) {
        long max = exception.getMaxUploadSize();
        return page(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Le fichier envoyé est trop grand"
                + (max > 0 ? " (" + max / (1024 * 1024) + " Mo au plus)" : "") + " : déposez-le dans le dossier "
                + "d’arrivée et lancez « ingest DOSSIER ».", response, model);
    }

    /** A form that should carry a file but was not sent as multipart/form-data. */
    @ExceptionHandler(MultipartException.class)
    String notMultipart(MultipartException exception, HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_BAD_REQUEST, "Ce formulaire envoie un fichier : choisissez-le avec le "
                + "bouton prévu, puis envoyez le formulaire depuis sa page.", response, model);
    }

    private static String sentences(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::detail).collect(Collectors.joining(" "));
    }

    private static String page(int status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return "error";
    }
}

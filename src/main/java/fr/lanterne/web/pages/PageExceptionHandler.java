package fr.lanterne.web.pages;

import fr.lanterne.UserError;
import fr.lanterne.web.ErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a page shows the same sentence as the API, in a page, with the right status. */
@ControllerAdvice(basePackageClasses = PageExceptionHandler.class)
class PageExceptionHandler {

    @ExceptionHandler(UserError.class)
    String userError(UserError error, HttpServletResponse response, Model model) {
        int status = ErrorStatus.of(error).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", error.getMessage());
        return "error";
    }
}

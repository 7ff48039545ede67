package fr.lanterne.web;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.ForbiddenException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.UserError;
import org.springframework.http.HttpStatus;

/** The HTTP status of each kind of refusal, the same for pages and the API. */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static HttpStatus of(UserError error) {
        if (error instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (error instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (error instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (error instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }
}

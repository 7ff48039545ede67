package fr.lanterne.shared;

import java.util.Map;

/** What was supplied cannot be accepted (HTTP 400). */
public class InvalidInputException extends UserError {

    public InvalidInputException(String message) {
        super(message, Map.of());
    }

    public InvalidInputException(String message, Map<String, Object> details) {
        super(message, details);
    }
}

package fr.lanterne.shared;

import java.util.Map;

/** What was asked for does not exist (HTTP 404). */
public class NotFoundException extends UserError {

    public NotFoundException(String message, Map<String, Object> details) {
        super(message, details);
    }
}

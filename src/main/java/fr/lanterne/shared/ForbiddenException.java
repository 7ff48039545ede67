package fr.lanterne.shared;

import java.util.Map;

/** The person is known but may not do this (HTTP 403): another group's record, say. */
public class ForbiddenException extends UserError {

    public ForbiddenException(String message, Map<String, Object> details) {
        super(message, details);
    }
}

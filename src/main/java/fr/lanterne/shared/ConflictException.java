package fr.lanterne.shared;

import java.util.Map;

/** The request is valid but clashes with the current state (HTTP 409): already exists, edited meanwhile... */
public class ConflictException extends UserError {

    public ConflictException(String message, Map<String, Object> details) {
        super(message, details);
    }
}

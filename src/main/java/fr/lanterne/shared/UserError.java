package fr.lanterne.shared;

import java.util.Map;

/**
 * A request Lanterne refuses because of what was asked or supplied. The message is a sentence, in French, that says
 * what was wrong and, where it helps, what to do; the web layer and the command line show it as it is.
 */
public abstract class UserError extends RuntimeException {

    private final Map<String, Object> details;

    protected UserError(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    /** Values worth returning to an API client beside the message (the code that was not found, the field...). */
    public Map<String, Object> details() {
        return details;
    }
}

package fr.lanterne.web.pages.registry;

import fr.lanterne.shared.UserError;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * Puts a refusal of the registry (or of the commune list) beside the field it concerns, in the module's own
 * sentence; a refusal that concerns no field of the form goes above it.
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * @param fields the form's field for each field name the modules use ({@code documentSha256} → {@code document})
     */
    static void reject(Errors errors, UserError refusal, Map<String, String> fields) {
        Map<String, Object> details = refusal.details();
        String field = details.get("field") instanceof String name ? name
                : details.containsKey("insee") ? "insee"
                : details.containsKey("code") ? "authorityCode"
                : details.containsKey("sha256") ? "documentSha256" : null;
        String formField = field == null ? null : fields.get(field);
        if (formField != null) {
            errors.rejectValue(formField, "refused", refusal.getMessage());
        } else {
            errors.reject("refused", refusal.getMessage());
        }
    }
}

package fr.lanterne.web.pages.registry;

import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * A document obtained through Lanterne, to cite as a source: picked among the documents of the deployment's
 * authority, or given by its SHA-256 or the address of its page ({@code …/documents/<sha256>}).
 */
class DocumentLinkForm {

    private static final Pattern SHA256 = Pattern.compile("(?:^|/documents/)([0-9a-fA-F]{64})(?:$|[/?#])");

    @Size(max = 300)
    private String document;
    @Size(max = 300)
    private String reference;

    /** The SHA-256 of the document; null when the form has errors. */
    String sha256(Errors errors) {
        String given = reference != null && !reference.isBlank() ? reference.strip()
                : document != null && !document.isBlank() ? document.strip() : null;
        String field = reference != null && !reference.isBlank() ? "reference" : "document";
        if (given == null) {
            errors.rejectValue("document", "registry.form.document.missing");
            return null;
        }
        Matcher matcher = SHA256.matcher(given);
        if (!matcher.find()) {
            errors.rejectValue(field, "registry.form.document.invalid");
            return null;
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}

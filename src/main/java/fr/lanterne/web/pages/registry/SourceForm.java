package fr.lanterne.web.pages.registry;

import fr.lanterne.shared.StoredIn;
import fr.lanterne.registry.SourceDraft;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.validation.Errors;

/** A web page or a quotation that documents a deployment, as typed. */
class SourceForm {

    @Size(max = 2000)
    @StoredIn("deployment_source.url")
    private String url;
    @Size(max = 500)
    @StoredIn("deployment_source.title")
    private String title;
    @Size(max = 10_000)
    @StoredIn("deployment_source.quote")
    private String quote;
    @Size(max = 40)
    private String seenOn;

    /** The source to add; null when the form has errors. */
    SourceDraft toDraft(Errors errors) {
        LocalDate seen = null;
        if (seenOn != null && !seenOn.isBlank()) {
            try {
                seen = LocalDate.parse(seenOn.strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue("seenOn", "registry.form.seenOn.invalid");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new SourceDraft(url, title, quote, null, seen);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getQuote() {
        return quote;
    }

    public void setQuote(String quote) {
        this.quote = quote;
    }

    public String getSeenOn() {
        return seenOn;
    }

    public void setSeenOn(String seenOn) {
        this.seenOn = seenOn;
    }
}

package fr.lanterne.web.pages.registry;

import fr.lanterne.shared.StoredIn;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.validation.Errors;

/**
 * The deployment form as typed. Every field is text, so that a refused form comes back exactly as it was typed, with
 * each error beside its field; the registry's records then check what the form cannot (plausible years…).
 */
class DeploymentForm {

    @Size(max = 10)
    private String insee;
    @Size(max = 60)
    private String authorityCode;
    @Size(max = 40)
    private String technology;
    @Size(max = 40)
    private String status;
    @Size(max = 120)
    @StoredIn("vendor.name")
    private String vendor;
    @Size(max = 200)
    @StoredIn("product.name")
    private String product;
    @Size(max = 10)
    private String since;
    @Size(max = 500)
    @StoredIn("deployment.place")
    private String place;
    @Size(max = 12)
    private String cameraCount;
    @Size(max = 10_000)
    @StoredIn("deployment.summary")
    private String summary;
    @Size(max = 2000)
    @StoredIn("deployment_source.url")
    private String sourceUrl;
    @Size(max = 500)
    @StoredIn("deployment_source.title")
    private String sourceTitle;
    @Size(max = 10_000)
    @StoredIn("deployment_source.quote")
    private String sourceQuote;
    private Integer version;

    static DeploymentForm of(Deployment d) {
        DeploymentForm form = new DeploymentForm();
        form.insee = d.communeInsee();
        form.authorityCode = d.authorityCode();
        form.technology = d.technology().name();
        form.status = d.status().name();
        form.vendor = d.vendor();
        form.product = d.product();
        form.since = d.since() == null ? null : String.valueOf(d.since());
        form.place = d.place();
        form.cameraCount = d.cameraCount() == null ? null : String.valueOf(d.cameraCount());
        form.summary = d.summary();
        form.version = d.version();
        return form;
    }

    /** The deployment to create, with its first source if one was given; null when the form has errors. */
    DeploymentDraft toDraft(Errors errors) {
        Technology tech = technology(errors);
        DeploymentStatus stat = status(errors);
        Integer year = number("since", since, errors);
        Integer cameras = number("cameraCount", cameraCount, errors);
        if (blank(insee) && blank(authorityCode)) {
            errors.rejectValue("insee", "registry.form.insee.missing");
        }
        if (errors.hasErrors()) {
            return null;
        }
        List<SourceDraft> sources = blank(sourceUrl) && blank(sourceQuote) ? List.of()
                : List.of(new SourceDraft(sourceUrl, sourceTitle, sourceQuote, null, null));
        return new DeploymentDraft(strip(insee), strip(authorityCode), tech, vendor, product, stat, year, place,
                cameras, summary, sources);
    }

    /**
     * The changes to make to the deployment as it was when the form was opened; an emptied text clears its field.
     * The registry keeps a year or a number of cameras once given: they can be corrected, not emptied.
     */
    DeploymentChanges toChanges(Deployment current, Errors errors) {
        Technology tech = technology(errors);
        DeploymentStatus stat = status(errors);
        Integer year = number("since", since, errors);
        Integer cameras = number("cameraCount", cameraCount, errors);
        if (year == null && current.since() != null && !errors.hasFieldErrors("since")) {
            errors.rejectValue("since", "registry.form.since.cannotClear");
        }
        if (cameras == null && current.cameraCount() != null && !errors.hasFieldErrors("cameraCount")) {
            errors.rejectValue("cameraCount", "registry.form.cameraCount.cannotClear");
        }
        if (version == null) {
            errors.reject("registry.form.version.missing");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new DeploymentChanges(version, tech, text(vendor), text(product), stat, year, text(place), cameras,
                text(summary));
    }

    /** The editable fields whose value differs in another form (the values saved meanwhile by someone else). */
    Set<String> changedFields(DeploymentForm other) {
        Map<String, Boolean> differences = Map.of(
                "technology", !Objects.equals(strip(technology), strip(other.technology)),
                "status", !Objects.equals(strip(status), strip(other.status)),
                "vendor", !Objects.equals(strip(vendor), strip(other.vendor)),
                "product", !Objects.equals(strip(product), strip(other.product)),
                "since", !Objects.equals(strip(since), strip(other.since)),
                "place", !Objects.equals(strip(place), strip(other.place)),
                "cameraCount", !Objects.equals(strip(cameraCount), strip(other.cameraCount)),
                "summary", !Objects.equals(strip(summary), strip(other.summary)));
        Set<String> changed = new TreeSet<>();
        differences.forEach((field, differs) -> {
            if (differs) {
                changed.add(field);
            }
        });
        return changed;
    }

    private Technology technology(Errors errors) {
        if (blank(technology)) {
            errors.rejectValue("technology", "registry.form.technology.missing");
            return null;
        }
        try {
            return Technology.valueOf(technology.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("technology", "registry.form.technology.unknown");
            return null;
        }
    }

    private DeploymentStatus status(Errors errors) {
        if (blank(status)) {
            errors.rejectValue("status", "registry.form.status.missing");
            return null;
        }
        try {
            return DeploymentStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("status", "registry.form.status.unknown");
            return null;
        }
    }

    private static Integer number(String field, String value, Errors errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "registry.form." + field + ".notANumber");
            return null;
        }
    }

    /** For a change: empty means "clear the field", which the registry reads from an empty text. */
    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getInsee() {
        return insee;
    }

    public void setInsee(String insee) {
        this.insee = insee;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public void setAuthorityCode(String authorityCode) {
        this.authorityCode = authorityCode;
    }

    public String getTechnology() {
        return technology;
    }

    public void setTechnology(String technology) {
        this.technology = technology;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getCameraCount() {
        return cameraCount;
    }

    public void setCameraCount(String cameraCount) {
        this.cameraCount = cameraCount;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public void setSourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    public String getSourceTitle() {
        return sourceTitle;
    }

    public void setSourceTitle(String sourceTitle) {
        this.sourceTitle = sourceTitle;
    }

    public String getSourceQuote() {
        return sourceQuote;
    }

    public void setSourceQuote(String sourceQuote) {
        this.sourceQuote = sourceQuote;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}

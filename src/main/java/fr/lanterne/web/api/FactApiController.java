package fr.lanterne.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.lanterne.facts.Fact;
import fr.lanterne.facts.Facts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The facts read in a document, read by whoever may read it; confirmed into a deployment by a volunteer. */
@RestController
class FactApiController {

    private final Facts facts;

    FactApiController(Facts facts) {
        this.facts = facts;
    }

    /**
     * A fact as the API gives it: every field present, null when it has none, so that a client reads one shape.
     *
     * @param confirmedInto the deployment a volunteer confirmed it into, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FactView(long id, String kind, String value, String unit, String qualifier, int page, String passage,
                    Long confirmedInto) {

        static FactView of(Fact fact) {
            return new FactView(fact.id(), fact.kind().name(), fact.value(), fact.unit(), fact.qualifier(),
                    fact.page(), fact.passage(), fact.confirmedInto());
        }
    }

    @GetMapping("/api/documents/{sha256}/facts")
    List<FactView> facts(@PathVariable String sha256) {
        return facts.of(sha256).stream().map(FactView::of).toList();
    }

    /** @param deploymentId the deployment the fact describes; required */
    record Confirmation(@NotNull Long deploymentId) {
    }

    @PostMapping("/api/documents/{sha256}/facts/{id}/confirmation")
    FactView confirm(@PathVariable String sha256, @PathVariable long id, @Valid @RequestBody Confirmation body,
                 Principal user) {
        return FactView.of(facts.confirm(sha256, id, body.deploymentId(), user.getName()));
    }
}

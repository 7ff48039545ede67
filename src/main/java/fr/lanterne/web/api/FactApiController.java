package fr.lanterne.web.api;

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

    @GetMapping("/api/documents/{sha256}/facts")
    List<Fact> facts(@PathVariable String sha256) {
        return facts.of(sha256);
    }

    /** @param deploymentId the deployment the fact describes; required */
    record Confirmation(@NotNull Long deploymentId) {
    }

    @PostMapping("/api/documents/{sha256}/facts/{id}/confirmation")
    Fact confirm(@PathVariable String sha256, @PathVariable long id, @Valid @RequestBody Confirmation body,
                 Principal user) {
        return facts.confirm(sha256, id, body.deploymentId(), user.getName());
    }
}

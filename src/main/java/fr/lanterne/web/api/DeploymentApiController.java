package fr.lanterne.web.api;

import fr.lanterne.shared.StoredIn;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.HistoryEntry;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeploymentApiController {

    private final Registry registry;

    DeploymentApiController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/deployments")
    List<Deployment> find(@RequestParam(required = false) String insee,
                          @RequestParam(required = false) String departement,
                          @RequestParam(required = false) String vendor,
                          @RequestParam(required = false) Technology technology,
                          @RequestParam(required = false) DeploymentStatus status,
                          @RequestParam(defaultValue = "200") int limit,
                          @RequestParam(defaultValue = "0") int offset) {
        return registry.find(new DeploymentQuery(insee, departement, vendor, technology, status, null, limit, offset));
    }

    @GetMapping("/api/deployments/{id}")
    Deployment deployment(@PathVariable long id) {
        return registry.deployment(id);
    }

    @PostMapping("/api/deployments")
    ResponseEntity<Deployment> create(@Valid @RequestBody DeploymentDraft draft, Principal user) {
        Deployment created = registry.create(draft, user.getName());
        return ResponseEntity.created(URI.create("/api/deployments/" + created.id())).body(created);
    }

    /** Fields left out stay as they are; {@code version} is the version the editor saw. */
    record DeploymentPatch(Integer version, Technology technology,
                           @Size(max = 120) @StoredIn("vendor.name") String vendor,
                           @Size(max = 200) @StoredIn("product.name") String product,
                           DeploymentStatus status, Integer since,
                           @Size(max = 500) @StoredIn("deployment.place") String place, Integer cameraCount,
                           @Size(max = 10_000) @StoredIn("deployment.summary") String summary) {
    }

    @PatchMapping("/api/deployments/{id}")
    Deployment update(@PathVariable long id, @Valid @RequestBody DeploymentPatch patch, Principal user) {
        return registry.update(id, new DeploymentChanges(patch.version(), patch.technology(), patch.vendor(),
                patch.product(), patch.status(), patch.since(), patch.place(), patch.cameraCount(), patch.summary()),
                user.getName());
    }

    @DeleteMapping("/api/deployments/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version, Principal user) {
        registry.delete(id, version, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/deployments/{id}/sources")
    Deployment addSource(@PathVariable long id, @Valid @RequestBody SourceDraft source, Principal user) {
        return registry.addSource(id, source, user.getName());
    }

    @GetMapping("/api/deployments/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return registry.history(id);
    }

    @GetMapping("/api/vendors")
    List<Vendor> vendors() {
        return registry.vendors();
    }
}

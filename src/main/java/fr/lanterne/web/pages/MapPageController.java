package fr.lanterne.web.pages;

import fr.lanterne.map.Camera;
import fr.lanterne.map.CameraDraft;
import fr.lanterne.map.Cameras;
import fr.lanterne.map.MapProperties;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import fr.lanterne.shared.UserError;
import fr.lanterne.web.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /carte}: France's départements shaded by what is documented, and the documented towns. The page holds no
 * data: its script reads the département outlines from the jar and the counts from {@code /api/map/…}.
 */
@Controller
class MapPageController {

    private final MapProperties map;
    private final Registry registry;
    private final Cameras cameras;
    private final Validator validator;

    MapPageController(MapProperties map, Registry registry, Cameras cameras, Validator validator) {
        this.map = map;
        this.registry = registry;
        this.cameras = cameras;
        this.validator = validator;
    }

    @GetMapping("/carte")
    String map(Model model) {
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("tileAttribution", map.tileAttribution());
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("statuses", DeploymentStatus.values());
        model.addAttribute("vendors", registry.vendors().stream().map(Vendor::name).toList());
        return "map/carte";
    }

    /** The mapping walk's form, as a phone sends it; every field as typed, so that a refusal keeps them. */
    record WalkForm(@Size(max = 5) String insee, @Size(max = 32) String lat, @Size(max = 32) String lon,
                    @Size(max = 10) String cameraType, @Size(max = 32) String direction,
                    @Size(max = 10) String surveillance, @Size(max = 10) String signVisible, @Size(max = 10) String alpr,
                    @Size(max = 100) String walk, @Size(max = 500) String note) {

        CameraDraft draft() {
            return new CameraDraft(blankToNull(insee), number(lat), number(lon), blankToNull(cameraType),
                    direction == null || direction.isBlank() ? null : (int) Math.round(number(direction)),
                    blankToNull(surveillance), "on".equals(alpr),
                    signVisible == null || signVisible.isBlank() ? null : "oui".equals(signVisible),
                    null, walk, note);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static Double number(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** @param walk the walk whose cameras are listed and counted */
    @GetMapping("/carte/releve")
    String walk(@RequestParam(required = false) String walk, @RequestParam(required = false) Long ajoute,
                Model model) {
        String name = walk == null ? "" : walk.strip();
        model.addAttribute("walk", name);
        model.addAttribute("added", ajoute);
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("tileAttribution", map.tileAttribution());
        List<Camera> recorded = name.isEmpty() ? List.of() : cameras.list(null, name, 1000);
        model.addAttribute("cameras", recorded);
        return "map/releve";
    }

    @PostMapping("/carte/releve")
    String record(@Valid @ModelAttribute WalkForm form, @RequestParam(required = false) MultipartFile photo,
                  Principal user, Model model) throws IOException {
        CameraDraft draft = form.draft();
        Set<ConstraintViolation<CameraDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty() || draft.lat().isNaN() || draft.lon().isNaN()) {
            model.addAttribute("problems", violations.stream().map(v -> FieldProblem.of(v).detail()).toList());
            return walk(form.walk(), null, model);
        }
        try {
            Camera camera = cameras.add(draft, user.getName());
            if (photo != null && !photo.isEmpty()) {
                cameras.setPhoto(camera.id(), photo.getBytes(), user.getName());
            }
            return "redirect:" + UriComponentsBuilder.fromPath("/carte/releve")
                    .queryParam("walk", camera.walk() == null ? "" : camera.walk())
                    .queryParam("ajoute", camera.id()).encode().build().toUriString();
        } catch (UserError refused) {
            model.addAttribute("problems", List.of(refused.getMessage()));
            return walk(form.walk(), null, model);
        }
    }
}

package fr.lanterne.web.pages;

import fr.lanterne.map.MapProperties;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /carte}: France's départements shaded by what is documented, and the documented towns. The page holds no
 * data: its script reads the département outlines from the jar and the counts from {@code /api/map/…}.
 */
@Controller
class MapPageController {

    private final MapProperties map;
    private final Registry registry;

    MapPageController(MapProperties map, Registry registry) {
        this.map = map;
        this.registry = registry;
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
}

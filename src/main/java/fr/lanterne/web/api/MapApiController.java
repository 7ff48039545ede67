package fr.lanterne.web.api;

import fr.lanterne.map.Camera;
import fr.lanterne.map.CameraDraft;
import fr.lanterne.map.CameraHistoryEntry;
import fr.lanterne.map.Cameras;
import fr.lanterne.map.DepartementCount;
import fr.lanterne.map.GeoJson;
import fr.lanterne.map.MapCounts;
import fr.lanterne.map.MapFilter;
import fr.lanterne.map.OverpassComparison;
import fr.lanterne.map.OverpassImport;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Technology;
import fr.lanterne.shared.NotFoundException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The map's API: cameras recorded on walks, the open-data exports (GeoJSON with OSM's tags, CSV), the counts behind
 * {@code /carte}, and the comparison of an Overpass export.
 */
@RestController
class MapApiController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJson.MEDIA_TYPE);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Cameras cameras;
    private final MapCounts counts;
    private final OverpassImport overpass;

    MapApiController(Cameras cameras, MapCounts counts, OverpassImport overpass) {
        this.cameras = cameras;
        this.counts = counts;
        this.overpass = overpass;
    }

    @PostMapping("/api/cameras")
    ResponseEntity<Camera> add(@Valid @RequestBody CameraDraft draft, Principal user) {
        Camera camera = cameras.add(draft, user.getName());
        return ResponseEntity.created(URI.create("/api/cameras/" + camera.id())).body(camera);
    }

    @GetMapping("/api/cameras")
    List<Camera> list(@RequestParam(required = false) String insee, @RequestParam(required = false) String walk,
                      @RequestParam(defaultValue = "1000") int limit) {
        return cameras.list(insee, walk, Math.min(limit, 10_000));
    }

    @GetMapping("/api/cameras/{id}")
    Camera camera(@PathVariable long id) {
        return cameras.camera(id);
    }

    /** The whole camera again; {@code version} is the version the editor saw. */
    @PutMapping("/api/cameras/{id}")
    Camera update(@PathVariable long id, @Valid @RequestBody CameraDraft draft, @RequestParam int version,
                  Principal user) {
        // The body is read first (arguments resolve in order): one too large is refused as such, whatever else lacks.
        return cameras.update(id, version, draft, user.getName());
    }

    @DeleteMapping("/api/cameras/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version, Principal user) {
        cameras.delete(id, version, user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/cameras/{id}/history")
    List<CameraHistoryEntry> history(@PathVariable long id) {
        return cameras.history(id);
    }

    @PostMapping(path = "/api/cameras/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Camera photo(@PathVariable long id, @RequestPart("file") MultipartFile file, Principal user) throws IOException {
        return cameras.setPhoto(id, file.getBytes(), user.getName());
    }

    @GetMapping("/api/cameras/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        byte[] jpeg = cameras.photo(id).orElseThrow(() -> new NotFoundException("La caméra " + id
                + " n’a pas de photo.", Map.of("camera", id)));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(jpeg);
    }

    @GetMapping(path = "/api/cameras.geojson", produces = GeoJson.MEDIA_TYPE)
    ResponseEntity<GeoJson> camerasGeoJson(@RequestParam(required = false) String insee) {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CacheControl.noCache())
                .body(cameras.geoJson(insee));
    }

    @GetMapping(path = "/api/deployments.geojson", produces = GeoJson.MEDIA_TYPE)
    ResponseEntity<GeoJson> deploymentsGeoJson(@RequestParam(required = false) Technology technology,
                                               @RequestParam(required = false) String vendor,
                                               @RequestParam(required = false) DeploymentStatus status,
                                               @RequestParam(required = false) Integer year) {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CacheControl.noCache())
                .body(counts.deployments(new MapFilter(technology, vendor, status, year)));
    }

    @GetMapping(path = "/api/cameras.csv")
    ResponseEntity<String> camerasCsv() {
        return csv("cameras.csv", MapCsv.cameras(cameras.list(null, null, Integer.MAX_VALUE)));
    }

    @GetMapping(path = "/api/deployments.csv")
    ResponseEntity<String> deploymentsCsv(@RequestParam(required = false) Technology technology,
                                          @RequestParam(required = false) String vendor,
                                          @RequestParam(required = false) DeploymentStatus status,
                                          @RequestParam(required = false) Integer year) {
        return csv("deploiements.csv", MapCsv.deployments(counts.deploymentLines(
                new MapFilter(technology, vendor, status, year))));
    }

    @GetMapping("/api/map/departements")
    List<DepartementCount> departements(@RequestParam(required = false) Technology technology,
                                        @RequestParam(required = false) String vendor,
                                        @RequestParam(required = false) DeploymentStatus status,
                                        @RequestParam(required = false) Integer year) {
        return counts.departements(new MapFilter(technology, vendor, status, year));
    }

    @GetMapping("/api/map/communes")
    List<MapCounts.Town> towns(@RequestParam(required = false) String departement,
                               @RequestParam(required = false) Technology technology,
                               @RequestParam(required = false) String vendor,
                               @RequestParam(required = false) DeploymentStatus status,
                               @RequestParam(required = false) Integer year) {
        return counts.towns(departement == null || departement.isBlank() ? null : departement.strip(),
                new MapFilter(technology, vendor, status, year));
    }

    @PostMapping(path = "/api/cameras/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OverpassComparison compare(@RequestPart("file") MultipartFile file) throws IOException {
        return overpass.compare(file.getBytes());
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }
}

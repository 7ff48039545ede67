package fr.lanterne.map;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.registry.Registry;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.ForbiddenException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.users.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cameras recorded on mapping walks. Anyone who may change the registry records one; only its recorder, their
 * group and the administrators change or delete it afterwards. Every change is kept in the camera's history.
 */
@Service
public class Cameras {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CameraStore store;
    private final Authorities authorities;
    private final Registry registry;
    private final Users users;
    private final CameraPhotos photos;
    private final Clock clock;

    Cameras(CameraStore store, Authorities authorities, Registry registry, Users users, CameraPhotos photos,
            Clock clock) {
        this.store = store;
        this.authorities = authorities;
        this.registry = registry;
        this.users = users;
        this.photos = photos;
        this.clock = clock;
    }

    @Transactional
    public Camera add(CameraDraft draft, String by) {
        check(draft);
        Instant now = clock.instant();
        long id = store.insert(draft, by, now);
        store.history(id, "CREATED", by, now, JSON.writeValueAsString(values(draft)));
        return camera(id);
    }

    /** @param version the version the editor saw */
    @Transactional
    public Camera update(long id, int version, CameraDraft draft, String by) {
        Camera before = mayChange(id, by);
        check(draft);
        Instant now = clock.instant();
        if (!store.update(id, version, draft, now)) {
            throw stale(id, before.version(), version);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> old = values(before);
        values(draft).forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", old.get(field));
                change.put("after", value);
                changes.put(field, change);
            }
        });
        store.history(id, "UPDATED", by, now, JSON.writeValueAsString(changes));
        return camera(id);
    }

    @Transactional
    public void delete(long id, int version, String by) {
        Camera before = mayChange(id, by);
        Instant now = clock.instant();
        if (!store.delete(id, version, now)) {
            throw stale(id, before.version(), version);
        }
        store.history(id, "DELETED", by, now, JSON.writeValueAsString(values(before)));
    }

    /** Keeps a photo of the camera, re-encoded so that nothing of the original file (EXIF, GPS, device) is kept. */
    @Transactional
    public Camera setPhoto(long id, byte[] image, String by) {
        mayChange(id, by);
        CameraPhotos.Photo photo = photos.reencode(image);
        Instant now = clock.instant();
        store.setPhoto(id, photo.jpeg(), now);
        store.history(id, "PHOTO", by, now, JSON.writeValueAsString(Map.of("width", photo.width(),
                "height", photo.height(), "bytes", photo.jpeg().length)));
        return camera(id);
    }

    public Optional<byte[]> photo(long id) {
        return store.photo(id);
    }

    public Camera camera(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * @param insee one town's cameras; null for all
     * @param walk one walk's cameras; null for all
     */
    public List<Camera> list(String insee, String walk, int limit) {
        return store.list(insee, walk == null || walk.isBlank() ? null : walk.strip(), Math.max(1, limit));
    }

    /** The cameras as OSM nodes ({@link OsmTags}); their recorder and notes are not published. */
    public GeoJson geoJson(String insee) {
        return new GeoJson(list(insee, null, Integer.MAX_VALUE).stream()
                .map(c -> new GeoJson.Feature("camera/" + c.id(), GeoJson.round(c.lat()), GeoJson.round(c.lon()),
                        OsmTags.camera(c))).toList());
    }

    public List<CameraHistoryEntry> history(long id) {
        camera(id);
        return store.history(id).stream().map(row -> new CameraHistoryEntry(row.at(), row.by(), row.action(),
                JSON.readValue(row.changes(), new TypeReference<Map<String, Object>>() { }))).toList();
    }

    private void check(CameraDraft draft) {
        Commune commune = authorities.commune(draft.insee());
        FranceBounds.check(draft.insee(), commune.name(), draft.lat(), draft.lon());
        if (draft.deploymentId() != null) {
            registry.deployment(draft.deploymentId());
        }
    }

    private Camera mayChange(long id, String by) {
        Camera camera = camera(id);
        if (!users.canFollow(by, camera.recordedBy())) {
            throw new ForbiddenException("Cette caméra a été relevée par " + camera.recordedBy() + ", d’un autre "
                    + "groupe : seuls son groupe et les administrateurs peuvent la modifier ou la supprimer.",
                    Map.of("camera", id));
        }
        return camera;
    }

    private static Map<String, Object> values(CameraDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("insee", draft.insee());
        values.put("lat", draft.lat());
        values.put("lon", draft.lon());
        values.put("cameraType", draft.cameraType());
        values.put("direction", draft.direction());
        values.put("surveillance", draft.surveillance());
        values.put("alpr", Boolean.TRUE.equals(draft.alpr()));
        values.put("signVisible", draft.signVisible());
        values.put("deploymentId", draft.deploymentId());
        values.put("walk", draft.walkName());
        values.put("note", draft.noteText());
        return values;
    }

    private static Map<String, Object> values(Camera camera) {
        return values(new CameraDraft(camera.insee(), camera.lat(), camera.lon(), camera.cameraType(),
                camera.direction(), camera.surveillance(), camera.alpr(), camera.signVisible(), camera.deploymentId(),
                camera.walk(), camera.note()));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Aucune caméra n’a le numéro " + id + " (elle a pu être supprimée).",
                Map.of("camera", id));
    }

    private static ConflictException stale(long id, int current, int given) {
        return new ConflictException("La caméra " + id + " a changé depuis que vous l’avez ouverte (version " + given
                + ", elle en est à la version " + current + ") : rechargez-la et refaites votre modification.",
                Map.of("camera", id, "version", current));
    }
}

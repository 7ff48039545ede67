package fr.lanterne.map;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenStreetMap's tags for what Lanterne knows (https://wiki.openstreetmap.org/wiki/Tag:man_made=surveillance), and
 * Lanterne's own facts under {@code lanterne:}. A recorded camera is one OSM node; a deployment is not an OSM
 * object but a whole town's system, so it carries only the tags that hold for all its cameras.
 */
final class OsmTags {

    static final String PREFIX = "lanterne:";

    private OsmTags() {
    }

    static Map<String, Object> camera(Camera camera) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("man_made", "surveillance");
        tags.put("surveillance", camera.surveillance());
        tags.put("surveillance:type", camera.alpr() ? "ALPR" : "camera");
        tags.put("camera:type", camera.cameraType());
        if (camera.direction() != null) {
            tags.put("camera:direction", String.valueOf(camera.direction()));
        }
        tags.put(PREFIX + "id", camera.id());
        tags.put(PREFIX + "insee", camera.insee());
        tags.put(PREFIX + "commune", camera.communeName());
        tags.put(PREFIX + "sign_visible", camera.signVisible());
        tags.put(PREFIX + "deployment", camera.deploymentId());
        tags.put(PREFIX + "walk", camera.walk());
        tags.put(PREFIX + "photo", camera.hasPhoto() ? "/api/cameras/" + camera.id() + "/photo" : null);
        tags.put(PREFIX + "recorded", camera.createdAt().toString());
        return tags;
    }

    static Map<String, Object> deployment(MapStore.DeploymentRow row, String position) {
        Map<String, Object> tags = new LinkedHashMap<>();
        boolean cameras = !row.technology().equals("SOUND_SENSORS") && !row.technology().equals("DRONES");
        if (cameras) {
            tags.put("man_made", "surveillance");
            tags.put("surveillance", "public");
            tags.put("surveillance:type", "camera");
        }
        tags.put("operator", row.authority());
        tags.put("manufacturer", row.vendor());
        tags.put(PREFIX + "id", row.id());
        tags.put(PREFIX + "insee", row.insee());
        tags.put(PREFIX + "commune", row.commune());
        tags.put(PREFIX + "technology", row.technology());
        tags.put(PREFIX + "product", row.product());
        tags.put(PREFIX + "status", row.status());
        tags.put(PREFIX + "since", row.since());
        tags.put(PREFIX + "camera_count", row.cameraCount());
        tags.put(PREFIX + "position", position);
        tags.put(PREFIX + "url", "/registre/" + row.id());
        return tags;
    }
}

package fr.lanterne.map;

import fr.lanterne.shared.StoredIn;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A camera as a volunteer records it, in OpenStreetMap's terms: {@code cameraType} is {@code camera:type},
 * {@code direction} {@code camera:direction} (degrees clockwise from north), {@code surveillance} the OSM key of the
 * same name (what the camera watches: the street, a building's outside, its inside).
 *
 * @param lat WGS84 latitude, in one of the zones where French communes lie ({@link FranceBounds})
 * @param alpr a plate-reading camera ({@code surveillance:type=ALPR}); null: an ordinary camera
 * @param signVisible whether a sign tells passers-by they are filmed; null: not looked at
 * @param deploymentId the registry's deployment the camera belongs to, if known
 * @param walk the name of the mapping walk ("Forcalquier 2026-12-05"), to list and count its cameras
 */
public record CameraDraft(
        @NotBlank @Size(max = 5) @StoredIn("camera.commune_insee")
        @Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "un code INSEE de commune (04088)") String insee,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotBlank @Size(max = 10) @StoredIn("camera.camera_type")
        @Pattern(regexp = "fixed|panning|dome", message = "fixed, panning ou dome") String cameraType,
        @Min(0) @Max(359) Integer direction,
        @NotBlank @Size(max = 10) @StoredIn("camera.surveillance")
        @Pattern(regexp = "public|outdoor|indoor", message = "public, outdoor ou indoor") String surveillance,
        Boolean alpr, Boolean signVisible, Long deploymentId,
        @Size(max = 100) @StoredIn("camera.walk") String walk,
        @Size(max = 500) @StoredIn("camera.note") String note) {

    /** The walk's name without surrounding blanks; null when none was given. */
    String walkName() {
        return walk == null || walk.isBlank() ? null : walk.strip();
    }

    String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}

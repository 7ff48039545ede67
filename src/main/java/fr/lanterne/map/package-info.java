/**
 * The map: cameras recorded on foot during mapping walks, their export as GeoJSON with OpenStreetMap's tags, the
 * département counts behind {@code /carte}, and the comparison of an Overpass export with what Lanterne knows.
 */
@LanterneModule(
        api = {Camera.class, CameraDraft.class, Cameras.class, CameraHistoryEntry.class, MapCounts.class,
                DepartementCount.class, MapFilter.class, OverpassComparison.class, OverpassImport.class, GeoJson.class,
                MapProperties.class},
        uses = {"authorities", "registry", "shared", "users"})
package fr.lanterne.map;

import fr.lanterne.LanterneModule;

package fr.lanterne.map;

import java.util.List;

/**
 * An Overpass export of {@code man_made=surveillance} compared, town by town, with what Lanterne knows. Nothing of
 * the file is stored: the comparison is read in full or refused in full.
 *
 * @param features the file's features
 * @param surveillance those tagged {@code man_made=surveillance}; the others are left out
 * @param outsideFrance surveillance features outside every part of France
 * @param towns one line per town with an OSM camera, a registry count or a recorded camera among the file's
 *              départements, by INSEE code
 * @param withoutTown per département, the OSM cameras that could be placed in no town (no {@code addr:city}, no
 *                    camera recorded by Lanterne within {@value OverpassImport#NEAR_METRES} m)
 */
public record OverpassComparison(int features, int surveillance, int outsideFrance, List<TownLine> towns,
                                 List<DepartementLine> withoutTown) {

    /**
     * @param osm OSM cameras placed in this town
     * @param registry cameras the registry's deployments declare here (their cameraCount added up); null: none says
     * @param recorded cameras recorded on walks here
     * @param matched OSM cameras within {@value OverpassImport#SAME_METRES} m of a recorded one
     */
    public record TownLine(String insee, String name, int osm, Integer registry, int recorded, int matched) {
    }

    public record DepartementLine(String departement, int osm) {
    }
}

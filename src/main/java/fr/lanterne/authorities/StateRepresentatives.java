package fr.lanterne.authorities;

import java.util.Map;
import java.util.Optional;

/**
 * Names of the préfecture of each département and of the council of each région. Most follow the rule ("Préfecture
 * des Alpes-Maritimes", "Région Bretagne"); overseas collectivities have their own institutions.
 */
final class StateRepresentatives {

    /** Overseas collectivities: the State's representative there, or none to write to (Clipperton). */
    private static final Map<String, String> OVERSEAS_REPRESENTATIVES = Map.of(
            "975", "Préfecture de Saint-Pierre-et-Miquelon",
            "977", "Préfecture de Saint-Barthélemy et de Saint-Martin",
            "978", "Préfecture de Saint-Barthélemy et de Saint-Martin",
            "984", "Préfecture des Terres australes et antarctiques françaises",
            "986", "Administration supérieure des îles Wallis et Futuna",
            "987", "Haut-commissariat de la République en Polynésie française",
            "988", "Haut-commissariat de la République en Nouvelle-Calédonie");

    /** Régions whose council is a single collectivity with another name. */
    private static final Map<String, String> COLLECTIVITIES = Map.of(
            "02", "Collectivité territoriale de Martinique",
            "03", "Collectivité territoriale de Guyane",
            "06", "Département de Mayotte",
            "94", "Collectivité de Corse");

    private StateRepresentatives() {
    }

    static Optional<String> prefectureName(CommuneDataset.Departement departement) {
        if ("com".equals(departement.zone())) {
            return Optional.ofNullable(OVERSEAS_REPRESENTATIVES.get(departement.code()));
        }
        return Optional.of("Préfecture " + PlaceNames.ofArea(departement.name(), departement.nameForm()));
    }

    /** Overseas collectivities (zone "com") appear as régions in the list but have no regional council. */
    static Optional<String> regionalCouncilName(CommuneDataset.Region region) {
        if ("com".equals(region.zone())) {
            return Optional.empty();
        }
        return Optional.of(COLLECTIVITIES.getOrDefault(region.code(), "Région " + region.name()));
    }
}

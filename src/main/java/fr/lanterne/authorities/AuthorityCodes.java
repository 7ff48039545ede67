package fr.lanterne.authorities;

/**
 * Stable codes of the authorities Lanterne derives from the official lists: {@code mairie-06088},
 * {@code prefecture-06}, {@code region-93}, {@code epci-200030195} (an intercommunalité by its SIREN). Other bodies
 * have hand-chosen codes ({@code ratp}, {@code cada}).
 */
public final class AuthorityCodes {

    private AuthorityCodes() {
    }

    public static String townHall(String insee) {
        return "mairie-" + insee;
    }

    public static String prefecture(String departement) {
        return "prefecture-" + departement;
    }

    public static String region(String region) {
        return "region-" + region;
    }

    public static String epci(String siren) {
        return "epci-" + siren;
    }
}

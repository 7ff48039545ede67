package fr.lanterne.authorities;

import java.util.Arrays;

/** The kinds of entry in the official commune list. Only {@link #COMMUNE} has a town hall requests go to. */
public enum CommuneKind {
    COMMUNE("commune-actuelle", "commune"),
    DELEGATED("commune-deleguee", "commune déléguée"),
    ASSOCIATED("commune-associee", "commune associée"),
    MUNICIPAL_DISTRICT("arrondissement-municipal", "arrondissement municipal");

    private final String sourceType;
    private final String label;

    CommuneKind(String sourceType, String label) {
        this.sourceType = sourceType;
        this.label = label;
    }

    /** The {@code type} value used by the @etalab/decoupage-administratif data. */
    public String sourceType() {
        return sourceType;
    }

    /** The French name of the kind, as shown to people. */
    public String label() {
        return label;
    }

    static CommuneKind fromSourceType(String type) {
        return Arrays.stream(values())
                .filter(kind -> kind.sourceType.equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown commune type in the official list: " + type));
    }
}

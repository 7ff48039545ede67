package fr.lanterne.search;

/** The dimensions counted for every search; {@link #key()} is the key of {@link SearchResult#facets()}. */
public enum SearchFacet {
    DEPARTEMENT("departement"),
    COMMUNE("commune"),
    REGION("region"),
    TECHNOLOGY("technology"),
    VENDOR("vendor"),
    KIND("kind"),
    YEAR("year");

    private final String key;

    SearchFacet(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

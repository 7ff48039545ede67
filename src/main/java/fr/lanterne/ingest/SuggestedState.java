package fr.lanterne.ingest;

/** The state a reply suggests for its request, for a volunteer to confirm. */
public enum SuggestedState {
    ANSWERED("communiquée"),
    PARTLY_ANSWERED("partiellement communiquée"),
    REFUSED("refusée"),
    UNKNOWN("à examiner");

    private final String label;

    SuggestedState(String label) {
        this.label = label;
    }

    /** The French name, as shown to people ("demande communiquée"). */
    public String label() {
        return label;
    }
}

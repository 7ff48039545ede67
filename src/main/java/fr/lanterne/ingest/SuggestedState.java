package fr.lanterne.ingest;

/** The state a reply suggests for its request, for a volunteer to confirm. */
enum SuggestedState {
    ANSWERED("communiquée", "la demande est satisfaite"),
    PARTLY_ANSWERED("partiellement communiquée", "la demande est partiellement satisfaite"),
    REFUSED("refusée", "la demande est refusée"),
    /** The reply says the documents are already public (CRPA L311-2): to check before closing the request. */
    REFERS_TO_PUBLICATION("renvoie à une publication", "la réponse renvoie à une publication"),
    UNKNOWN("à examiner", "la réponse est à examiner");

    private final String label;
    private final String verdict;

    SuggestedState(String label, String verdict) {
        this.label = label;
        this.verdict = verdict;
    }

    /** What it says about the request, as the end of a French sentence ("Lanterne suggère que …"). */
    public String verdict() {
        return verdict;
    }

    /** The French name, as shown to people ("demande communiquée"). */
    public String label() {
        return label;
    }
}

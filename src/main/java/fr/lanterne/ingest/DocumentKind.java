package fr.lanterne.ingest;

/** What a received document is, as far as the campaign is concerned. */
public enum DocumentKind {
    DELIBERATION("délibération"),
    PUBLIC_CONTRACT("marché public (CCTP, CCAP, acte d'engagement, DCE)"),
    IMPACT_ASSESSMENT("analyse d'impact relative à la protection des données (AIPD)"),
    PREFECTORAL_ORDER("arrêté préfectoral"),
    AGREEMENT("convention"),
    INVOICE("facture"),
    REFUSAL_LETTER("courrier de refus"),
    OTHER("autre document");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** The French name, as shown to people. */
    public String label() {
        return label;
    }
}

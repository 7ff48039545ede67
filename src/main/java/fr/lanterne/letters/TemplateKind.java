package fr.lanterne.letters;

/** What a letter template is for; decides which values it may use (see letter-templates/README.md). */
public enum TemplateKind {
    /** A first request for documents, sent to the authority. */
    REQUEST("demande"),
    /** A reminder before the implicit refusal (CRPA R311-13): needs the earlier request. */
    REMINDER("relance"),
    /** A referral to the CADA after a refusal (CRPA L342-1, R343-1): needs the earlier request. */
    REFERRAL("saisine de la CADA"),
    /** One referral for a series of 5 or more requests to different authorities (CRPA L342-1, R343-3-1). */
    SERIES_REFERRAL("saisine de la CADA pour une série"),
    /**
     * The letter telling one administration of a series that the CADA was seized of the series (CRPA L342-1, third
     * paragraph, as amended by the loi 3DS of 21 February 2022): needs that administration's earlier request.
     */
    SERIES_INFORMATION("information d'une saisine en série");

    private final String label;

    TemplateKind(String label) {
        this.label = label;
    }

    /** The French name, as shown to people. */
    public String label() {
        return label;
    }
}

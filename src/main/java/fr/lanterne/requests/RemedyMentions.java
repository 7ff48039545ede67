package fr.lanterne.requests;

/**
 * What the requester was told of the remedies and their time limits, as the volunteer read it: each true (stated),
 * false (missing) or null (nobody has said). The two documents answer for different deadlines:
 * <ul>
 * <li>{@code acknowledgement}: the acknowledgement of receipt of the request. It must state the time limits and the
 * remedies against the implicit refusal (CRPA R112-5; for a request sent by email, R112-11-1); if it does not, or none
 * was given, the time limits cannot be held against the requester (CRPA L112-6 al. 1; L112-12 for email) — unless an
 * express decision was duly notified before the implicit one could be born (L112-6 al. 2).</li>
 * <li>{@code refusal}: the written refusal the chain reads (the express refusal, or the one confirmed after the CADA).
 * Its time limits count only if it stated them with the remedies (CJA R421-5): the CADA step first, then the court
 * (Conseil d'État, 11 March 2024, n° 488227).</li>
 * </ul>
 */
public record RemedyMentions(Boolean acknowledgement, Boolean refusal) {

    public static final RemedyMentions UNKNOWN = new RemedyMentions(null, null);

    /** What the acknowledgement said; null (not said) keeps what was known. */
    public RemedyMentions withAcknowledgement(Boolean stated) {
        return stated == null ? this : new RemedyMentions(stated, refusal);
    }

    /** What the refusal said; null (not said) keeps what was known. */
    public RemedyMentions withRefusal(Boolean stated) {
        return stated == null ? this : new RemedyMentions(acknowledgement, stated);
    }
}

package fr.lanterne.deadlines;

/** What a step's dates mean for the person who made the request. */
public enum DeadlineKind {
    /** Something that happened, on the date the volunteer recorded. */
    FACT,
    /** A decision the law deems taken by silence, on a computed date. */
    IMPLICIT_DECISION,
    /** A date by which someone else should act; nothing follows if they do not. */
    EXPECTED,
    /** The last day on which the applicant can act. */
    ACTION_DEADLINE
}

package fr.lanterne.search;

/**
 * Who a search is for, which decides the entries it sees: volunteers search the documents as received, visitors
 * (public mode, no account) only the published versions, so neither sees a page twice.
 */
enum Audience {
    /** Signed-in users: every document, as received. */
    VOLUNTEERS,
    /** Visitors: the published versions only (redacted, or as received when published so). */
    VISITORS
}

package fr.lanterne.facts;

/** A fact found in a page's text, at [start, end) of it, before its passage is cut out. */
record Found(FactKind kind, String value, String unit, String qualifier, int start, int end) {

    static Found of(FactKind kind, String value, int start, int end) {
        return new Found(kind, value, null, null, start, end);
    }
}

package fr.lanterne.search;

/** The order of search hits. */
public enum SearchSort {
    /** Best match first. */
    RELEVANCE,
    /** Most recently received first; pages without a date last, then best match first. */
    DATE
}

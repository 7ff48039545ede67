package fr.lanterne.search;

/**
 * One value of a facet and the number of matching pages that have it.
 *
 * @param value the value to filter on (a département code, an INSEE code, CCTV, a vendor name, a year...)
 * @param label how to show it: the commune's name for an INSEE code, the French name of a technology, else the value
 */
public record FacetValue(String value, String label, long count) {
}

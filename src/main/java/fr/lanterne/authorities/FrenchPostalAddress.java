package fr.lanterne.authorities;

import java.util.regex.Pattern;

/**
 * The shape La Poste asks of a French address (norme NF Z 10-011): its last line is the five-digit postal code, a
 * space, then the town ("42000 Saint-Étienne"), possibly a CEDEX ("42007 Saint-Étienne Cedex 1"). A typed address
 * that ends otherwise would be printed in the envelope window and go astray.
 */
public final class FrenchPostalAddress {

    private static final Pattern LAST_LINE = Pattern.compile("\\d{5}\\s+\\p{L}[\\p{L}\\p{N}'’. \\-]*");

    private FrenchPostalAddress() {
    }

    /** Whether the address (lines separated by line breaks) ends with "NNNNN Ville". */
    public static boolean hasPostalCodeLine(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String last = address.strip().lines().reduce((a, b) -> b).orElse("").strip();
        return LAST_LINE.matcher(last).matches();
    }
}

package fr.lanterne.shared;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A number with its noun in French, for the sentences the command line and the pages build in Java: "1 page",
 * "0 page", "2 pages", "12 345 pages" — never "page(s)". In French, 0 and 1 take the singular.
 */
public final class FrenchCount {

    private FrenchCount() {
    }

    /** The count, then {@code one} for 0 and 1, {@code many} from 2 on; thousands grouped as French writes them. */
    public static String of(long count, String one, String many) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(count) + " " + (count <= 1 ? one : many);
    }
}

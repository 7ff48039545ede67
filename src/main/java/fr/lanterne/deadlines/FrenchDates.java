package fr.lanterne.deadlines;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates as French prose writes them: "samedi 1er mai 2027". */
final class FrenchDates {

    private FrenchDates() {
    }

    static String format(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + dayAndMonth(date);
    }

    /** "1er mai 2027", as letters write it. */
    static String dayAndMonth(LocalDate date) {
        return fr.lanterne.letters.FrenchDates.format(date);
    }
}

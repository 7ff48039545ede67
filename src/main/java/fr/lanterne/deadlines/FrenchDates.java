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

    static String dayAndMonth(LocalDate date) {
        String day = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return day + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + date.getYear();
    }
}

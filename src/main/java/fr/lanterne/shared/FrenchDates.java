package fr.lanterne.shared;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates as French letters and prose write them: "1er mars 2026", "samedi 1er mai 2027". */
public final class FrenchDates {

    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"};

    private FrenchDates() {
    }

    /** "1er mars 2026", "28 novembre 2026", as a letter dates itself. */
    public static String format(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + MONTHS[date.getMonthValue() - 1] + " "
                + date.getYear();
    }

    /** "samedi 1er mai 2027", as the nightly digest and the calendar name a day. */
    public static String withWeekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + format(date);
    }
}

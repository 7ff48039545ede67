package fr.lanterne.letters;

import java.time.LocalDate;

/** Dates as a French letter writes them: "1er mars 2026", "28 novembre 2026". */
public final class FrenchDates {

    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"};

    private FrenchDates() {
    }

    public static String format(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + MONTHS[date.getMonthValue() - 1] + " "
                + date.getYear();
    }
}

package fr.lanterne.deadlines;

import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed ("2026-03-15") into a date, or refuses it with a French sentence that says what is wrong:
 * {@code LocalDate.parse} only says "Text could not be parsed", and silently accepts nothing better.
 */
public final class DateInput {

    /** The law on access to administrative documents dates from 17 July 1978: earlier years are typing errors. */
    static final int FIRST_YEAR = 1978;
    static final int LAST_YEAR = 2199;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private DateInput() {
    }

    /** Parses a date written YYYY-MM-DD. */
    public static LocalDate parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a date written YYYY-MM-DD; {@code label} names it in the message ("date de réception"), or is null.
     */
    public static LocalDate parse(String text, String label) {
        String subject = label == null ? "La date" : "La " + label;
        if (text == null || text.isBlank()) {
            throw invalid(subject + " est obligatoire, au format AAAA-MM-JJ (par exemple 2026-03-15).", text, label);
        }
        String value = text.strip();
        String quoted = subject + " « " + value + " »";
        Matcher matcher = ISO.matcher(value);
        if (!matcher.matches()) {
            throw invalid(quoted + " n'est pas au format AAAA-MM-JJ (par exemple 2026-03-15 pour le 15 mars 2026).",
                    value, label);
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        if (month < 1 || month > 12) {
            throw invalid(quoted + " n'existe pas : le mois doit être compris entre 01 et 12.", value, label);
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day < 1 || day > yearMonth.lengthOfMonth()) {
            String monthName = yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH);
            String reason = day < 1 ? "un jour du mois commence à 01"
                    : monthName + " " + year + " n'a que " + yearMonth.lengthOfMonth() + " jours";
            throw invalid(quoted + " n'existe pas : " + reason + ".", value, label);
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid(quoted + " n'est pas plausible : l'année doit être comprise entre " + FIRST_YEAR + " et "
                    + LAST_YEAR + ".", value, label);
        }
        return LocalDate.of(year, month, day);
    }

    private static InvalidInputException invalid(String message, String value, String label) {
        return new InvalidInputException(message, Map.of("field", label == null ? "date" : label,
                "value", String.valueOf(value)));
    }
}

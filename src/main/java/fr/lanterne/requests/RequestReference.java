package fr.lanterne.requests;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.lanterne.shared.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's reference, printed on its letter and in its email subject: {@code LNT-2026-000123} (year of creation,
 * then a number that runs through the year). Replies that quote it are matched to the request. In JSON and on pages
 * it is that text alone.
 */
public record RequestReference(@JsonValue String value) {

    public static final Pattern PATTERN = Pattern.compile("LNT-(\\d{4})-(\\d{6,9})");

    public RequestReference {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidInputException("« " + value + " » n'est pas une référence de demande Lanterne "
                    + "(forme LNT-2026-000123).", Map.of("reference", String.valueOf(value)));
        }
    }

    public static RequestReference of(int year, long number) {
        return new RequestReference(String.format(Locale.ROOT, "LNT-%04d-%06d", year, number));
    }

    /** Accepts lower case and surrounding spaces, as people type or paste it. */
    public static RequestReference parse(String text) {
        return new RequestReference(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    public int year() {
        Matcher matcher = PATTERN.matcher(value);
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public String toString() {
        return value;
    }
}

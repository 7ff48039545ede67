package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.util.Map;
import java.util.regex.Pattern;

/** A commune's code in INSEE's code officiel géographique: five digits, or 2A/2B and three digits in Corsica. */
public record InseeCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{5}|2[AB]\\d{3})");

    public InseeCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("« " + value + " » n'est pas un code INSEE de commune : il faut cinq chiffres "
                    + "(ou 2A/2B suivi de trois chiffres en Corse), par exemple 06088 pour Nice.",
                    Map.of("insee", String.valueOf(value)));
        }
    }

    /** Accepts lower-case Corsican codes and surrounding spaces, as people type them. */
    public static InseeCode of(String text) {
        return new InseeCode(text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT)).matches();
    }

    /** The département a code belongs to: 2 characters, 3 for overseas codes starting with 97 or 98. */
    public String departement() {
        return value.startsWith("97") || value.startsWith("98") ? value.substring(0, 3) : value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}

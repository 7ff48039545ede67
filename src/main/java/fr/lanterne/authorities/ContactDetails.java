package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contact data as supplied by a file or a person, checked: an email that looks like one, an address of at most
 * ten lines, and at least one way to write to the authority.
 */
public record ContactDetails(String email, String postalAddress, String phone, String website) {

    // Deliberately simple: one @, a dot in the domain, no spaces. Strict RFC 5322 checks reject real addresses.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ContactDetails {
        email = blankToNull(email);
        postalAddress = normaliseAddress(postalAddress);
        phone = blankToNull(phone);
        website = blankToNull(website);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches() || email.length() > 320) {
                throw new InvalidInputException("« " + email + " » n'est pas une adresse électronique valide.");
            }
        }
        if (postalAddress != null && (postalAddress.lines().count() > 10 || postalAddress.length() > 1000)) {
            throw new InvalidInputException("L'adresse postale est trop longue (10 lignes et 1 000 caractères au "
                    + "plus).");
        }
        if (email == null && postalAddress == null) {
            throw new InvalidInputException("Il faut au moins une adresse électronique ou une adresse postale.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One line per address line, without blank lines; " / " and "|" separate lines in one-line CSV cells. */
    private static String normaliseAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.replace("\r", "")
                .replace(" / ", "\n")
                .replace("|", "\n")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b)
                .orElse(null);
    }
}

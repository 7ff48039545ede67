package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contact data as supplied by a file or a person, checked: an email that looks like one, an address of at most
 * ten lines, and at least one way to write to the authority.
 *
 * @param pradaAddress the postal address of the authority's PRADA, the person responsible for access to administrative
 *                     documents, who receives the requests (CRPA R330-4), when it differs from the authority's
 */
public record ContactDetails(String email, String postalAddress, String phone, String website, String pradaAddress) {

    // Deliberately simple: one @, a dot in the domain, no spaces. Strict RFC 5322 checks reject real addresses.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ContactDetails {
        email = blankToNull(email);
        postalAddress = normaliseAddress(postalAddress);
        phone = blankToNull(phone);
        website = blankToNull(website);
        pradaAddress = normaliseAddress(pradaAddress);
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
        if (pradaAddress != null && (pradaAddress.lines().count() > 10 || pradaAddress.length() > 1000)) {
            throw new InvalidInputException("L'adresse de la PRADA est trop longue (10 lignes et 1 000 caractères au "
                    + "plus).");
        }
        if (email == null && postalAddress == null && pradaAddress == null) {
            throw new InvalidInputException("Il faut au moins une adresse électronique ou une adresse postale.");
        }
    }

    /** Contact data without a PRADA address of its own. */
    public ContactDetails(String email, String postalAddress, String phone, String website) {
        this(email, postalAddress, phone, website, null);
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

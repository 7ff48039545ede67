package fr.lanterne.letters;

import fr.lanterne.InvalidInputException;
import fr.lanterne.authorities.Authority;

/**
 * The public body a letter is about or addressed to.
 *
 * @param postalAddress one line per address line, at most 6 (with the name, 7 lines fit the envelope window)
 */
public record Addressee(String name, String postalAddress, String email) {

    public Addressee {
        name = Text.line(name, "nom de l'organisme", 120);
        postalAddress = Text.address(postalAddress, "adresse de l'organisme", 6);
        email = Requester.checkedEmail(email, "courriel de l'organisme");
        if (postalAddress == null && email == null) {
            throw new InvalidInputException("Il faut une adresse postale ou un courriel pour écrire à « " + name + " ».");
        }
    }

    /** The town hall, préfecture... as the authorities module knows it. */
    public static Addressee of(Authority authority) {
        return new Addressee(authority.name(), authority.contact().postalAddress(), authority.contact().email());
    }
}

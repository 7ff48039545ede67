package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityDuties;

/**
 * The public body a letter is about or addressed to.
 *
 * @param postalAddress one line per address line, at most 6 (with the name, 7 lines fit the envelope window)
 * @param prada it must have a PRADA, who receives the requests (CRPA R330-2, R330-4): the letter is for their
 *              attention
 * @param publication it must, or very likely must, publish online the documents it communicates (CRPA L312-1-1)
 */
public record Addressee(String name, String postalAddress, String email, boolean prada, boolean publication) {

    public Addressee(String name, String postalAddress, String email) {
        this(name, postalAddress, email, false, false);
    }

    public Addressee {
        name = Text.line(name, "nom de l'organisme", 120);
        postalAddress = Text.address(postalAddress, "adresse de l'organisme", 6);
        email = Requester.checkedEmail(email, "courriel de l'organisme");
        if (postalAddress == null && email == null) {
            throw new InvalidInputException("Il faut une adresse postale ou un courriel pour écrire à « " + name
                    + " ».");
        }
    }

    /** The town hall, préfecture... as the authorities module knows it, its duties not considered. */
    public static Addressee of(Authority authority) {
        return new Addressee(authority.name(), authority.contact().postalAddress(), authority.contact().email());
    }

    /**
     * The same, with its duties: the PRADA line in the address, the request for where documents are published. Where
     * a PRADA is due and its own address is known, the letter goes there: the PRADA receives the requests (CRPA
     * R330-4).
     */
    public static Addressee of(Authority authority, AuthorityDuties duties) {
        boolean prada = duties.prada().due();
        String pradaAddress = authority.contact().pradaAddress();
        String postal = prada && pradaAddress != null ? pradaAddress : authority.contact().postalAddress();
        return new Addressee(authority.name(), postal, authority.contact().email(), prada,
                duties.publication().status().asked());
    }
}

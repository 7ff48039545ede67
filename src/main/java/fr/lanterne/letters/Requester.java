package fr.lanterne.letters;

import fr.lanterne.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The person who signs the letter and to whom the documents are sent.
 *
 * @param postalAddress optional, one line per address line (at most 5): printed under the name in the sender block
 * @param email required: the letters ask for the documents by email (CRPA L311-9)
 */
public record Requester(String name, String postalAddress, String email) {

    // Deliberately loose, like ContactDetails: strict RFC 5322 checks reject real addresses.
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Requester {
        name = Text.line(name, "nom du demandeur", 120);
        postalAddress = Text.address(postalAddress, "adresse du demandeur", 5);
        email = checkedEmail(email, "courriel du demandeur");
        if (email == null) {
            throw new InvalidInputException("Le courriel du demandeur est obligatoire : les lettres demandent "
                    + "l'envoi des documents par courrier électronique (article L311-9 du CRPA).");
        }
    }

    static String checkedEmail(String email, String field) {
        String value = Text.optionalLine(email, field, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw new InvalidInputException("« " + value + " » n'est pas une adresse électronique valide ("
                    + field + ").");
        }
        return value;
    }
}

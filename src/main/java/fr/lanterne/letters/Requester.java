package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The person who signs the letter and to whom the documents are sent.
 *
 * @param details lines printed under the name, before the address: what a referral to the CADA states of the
 *                requester beyond the name (CRPA R343-1: a legal person's form and legal representative…)
 * @param postalAddress optional, one line per address line (at most 5): printed under the name in the sender block
 * @param email required: the letters ask for the documents by email (CRPA L311-9)
 */
public record Requester(String name, List<String> details, String postalAddress, String email) {

    /** The name Lanterne signed with when nobody had said who signs: never on a letter. */
    static final String PLACEHOLDER_NAME = "Collectif Lanterne";

    // Deliberately loose, like ContactDetails: strict RFC 5322 checks reject real addresses.
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Requester(String name, String postalAddress, String email) {
        this(name, List.of(), postalAddress, email);
    }

    public Requester {
        name = Text.line(name, "nom du demandeur", 120);
        List<String> lines = new ArrayList<>();
        for (String line : details == null ? List.<String>of() : details) {
            lines.add(Text.line(line, "identité du demandeur", 200));
        }
        details = List.copyOf(lines);
        postalAddress = Text.address(postalAddress, "adresse du demandeur", 5);
        email = checkedEmail(email, "courriel du demandeur");
        if (email == null) {
            throw new InvalidInputException("Le courriel du demandeur est obligatoire : les lettres demandent "
                    + "l'envoi des documents par courrier électronique (article L311-9 du CRPA).");
        }
    }

    /**
     * Refuses the placeholders of an unset identity, whatever made the requester: a letter signed "Collectif
     * Lanterne", or asking for replies at a {@code .invalid} address that no mail reaches (RFC 2606), must never go.
     */
    void checkReal() {
        if (name.equalsIgnoreCase(PLACEHOLDER_NAME)) {
            throw new InvalidInputException("« " + PLACEHOLDER_NAME + " » est le nom d'exemple de Lanterne : une "
                    + "lettre ne part pas sans l'identité de son demandeur. Complétez-la (Réglages › Identité du "
                    + "demandeur).");
        }
        if (email.toLowerCase(Locale.ROOT).endsWith(".invalid")) {
            throw new InvalidInputException("L'adresse de réponse « " + email + " » est au domaine « .invalid », où "
                    + "aucun courriel n'arrive : une lettre ne part pas sans la vraie boîte des réponses. Complétez "
                    + "l'identité du demandeur (Réglages › Identité du demandeur).");
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

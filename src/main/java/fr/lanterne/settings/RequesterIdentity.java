package fr.lanterne.settings;

import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who signs Lanterne's requests, complete: everything a referral to the CADA must state about the requester
 * (CRPA R343-1 — a natural person's nom, prénoms and domicile; a legal person's forme, dénomination, siège social and
 * the organ that legally represents it), the address letters show, the reply mailbox and the place of signature.
 * Built from an {@link IdentityDraft}, which says what is missing.
 *
 * @param registeredAddress the domicile (natural person) or the siège social (legal person)
 * @param letterAddress the address printed on letters, or null when it is {@code registeredAddress}
 */
public record RequesterIdentity(RequesterKind kind, String surname, String givenNames, String legalForm,
                                String denomination, String representativeName, String representativeTitle,
                                PostalAddress registeredAddress, PostalAddress letterAddress, String mailbox,
                                String place) {

    public RequesterIdentity {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> problems = draft(kind, surname, givenNames, legalForm, denomination, representativeName,
                representativeTitle, registeredAddress, letterAddress, mailbox, place).problems();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new InvalidInputException(first.getValue(), Map.of("field", first.getKey()));
        }
    }

    /** The name letters are signed with: "Camille Martin", or the legal person's dénomination. */
    public String displayName() {
        return kind == RequesterKind.NATURAL_PERSON ? givenNames + " " + surname : denomination;
    }

    /** The address letters show at their head, where postal replies go. */
    public PostalAddress postalAddress() {
        return letterAddress != null ? letterAddress : registeredAddress;
    }

    /**
     * What the sender block adds under the name so that the letter states what R343-1 asks: a legal person's form and
     * representative, and the domicile or siège when letters show another address.
     */
    public List<String> details() {
        List<String> lines = new ArrayList<>();
        if (kind == RequesterKind.LEGAL_PERSON) {
            lines.add(legalForm);
            lines.add("représentée par " + representativeName + ", " + representativeTitle);
        }
        if (letterAddress != null && !letterAddress.equals(registeredAddress)) {
            lines.add((kind == RequesterKind.LEGAL_PERSON ? "Siège social : " : "Domicile : ")
                    + registeredAddress.oneLine());
        }
        return lines;
    }

    /** demandes+LNT-2026-000123@example.org: the reply address of one request, which finds its request again. */
    public String replyAddress(String reference) {
        int at = mailbox.lastIndexOf('@');
        return mailbox.substring(0, at) + "+" + reference + mailbox.substring(at);
    }

    /** The identity as the form shows it. */
    public IdentityDraft draft() {
        return draft(kind, surname, givenNames, legalForm, denomination, representativeName, representativeTitle,
                registeredAddress, letterAddress, mailbox, place);
    }

    private static IdentityDraft draft(RequesterKind kind, String surname, String givenNames, String legalForm,
                                       String denomination, String representativeName, String representativeTitle,
                                       PostalAddress registeredAddress, PostalAddress letterAddress, String mailbox,
                                       String place) {
        String registered = registeredAddress == null ? null : registeredAddress.text();
        boolean natural = kind == RequesterKind.NATURAL_PERSON;
        return new IdentityDraft(kind.name(), surname, givenNames, natural ? registered : null, legalForm,
                denomination, natural ? null : registered, representativeName, representativeTitle,
                letterAddress == null ? null : letterAddress.text(), mailbox, place);
    }
}

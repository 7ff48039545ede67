package fr.lanterne.publish;

import java.util.List;

/**
 * Finds the personal data a volunteer will probably want to occult (CRPA L312-1-2): email addresses, French phone
 * numbers, IBAN (mod-97 checked), vehicle plates, names after a title or in signature blocks and lists of agents,
 * private postal addresses, handwritten signatures (images in the signature area), and the saved rules.
 * Plain Java, no state.
 */
public final class RedactionProposals {

    /** The proposals for these pages, in page and reading order, without duplicates. */
    public List<RedactionProposal> propose(List<PageText> pages, List<SavedRule> rules) {
        throw new UnsupportedOperationException("engine API first; body follows");
    }

    /** The same without saved rules. */
    public List<RedactionProposal> propose(List<PageText> pages) {
        return propose(pages, List.of());
    }
}

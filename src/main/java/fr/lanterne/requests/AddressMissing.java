package fr.lanterne.requests;

/**
 * An authority a campaign leaves out because no address is known for it (or no email, when the campaign goes by
 * email only): where a volunteer can type one.
 *
 * @param communeInsee the commune of a town hall (its page has the address form), or null for other bodies
 */
public record AddressMissing(String authorityCode, String authorityName, String communeInsee) {
}

package fr.lanterne.publish;

/** What kind of personal data a proposal occults. */
public enum ProposalKind {
    EMAIL, PHONE, IBAN, NAME, POSTAL_ADDRESS, VEHICLE_PLATE, SIGNATURE,
    /** A term or pattern a volunteer saved for every document ({@link SavedRule}). */
    SAVED_RULE
}

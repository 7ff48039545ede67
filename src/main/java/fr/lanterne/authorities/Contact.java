package fr.lanterne.authorities;

/**
 * The address to use for an authority: each field from the best source that has it.
 *
 * @param pradaAddress where its PRADA receives the requests (CRPA R330-4), when known and different from the
 *                     authority's own address
 */
public record Contact(String email, Provenance emailProvenance, String postalAddress, Provenance addressProvenance,
                      String phone, String website, String pradaAddress, Provenance pradaProvenance) {

    public static final Contact NONE = new Contact(null, null, null, null, null, null, null, null);

    /** A contact without a PRADA address. */
    public Contact(String email, Provenance emailProvenance, String postalAddress, Provenance addressProvenance,
                   String phone, String website) {
        this(email, emailProvenance, postalAddress, addressProvenance, phone, website, null, null);
    }

    public boolean hasEmail() {
        return email != null;
    }

    public boolean hasPostalAddress() {
        return postalAddress != null;
    }
}

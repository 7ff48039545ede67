package fr.lanterne.authorities;

/**
 * The address to use for an authority: each field from the best source that has it.
 */
public record Contact(String email, Provenance emailProvenance, String postalAddress, Provenance addressProvenance,
                      String phone, String website) {

    public static final Contact NONE = new Contact(null, null, null, null, null, null);

    public boolean hasEmail() {
        return email != null;
    }

    public boolean hasPostalAddress() {
        return postalAddress != null;
    }
}

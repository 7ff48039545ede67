package fr.lanterne.web;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.authorities.ContactSource;
import fr.lanterne.authorities.FrenchPostalAddress;
import fr.lanterne.authorities.Provenance;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.springframework.validation.Errors;

/**
 * A town hall's (or any authority's) email and postal address as a volunteer types them, on the town page, in the
 * request preview or through the API. Bean Validation checks the lengths the columns hold; {@link #toDetails} checks
 * the rest and puts each mistake on its field: an email that is not one, an address whose last line is not
 * "NNNNN Ville", a form with nothing in it. The PRADA's address (CRPA R330-4) is optional, checked as the other.
 */
public class AddressForm {

    @Size(max = 320, message = "{address.error.email.tooLong}")
    @StoredIn("authority_contact.email")
    private String email;

    @Size(max = 1000, message = "{address.error.postalAddress.tooLong}")
    @StoredIn("authority_contact.postal_address")
    private String postalAddress;

    @Size(max = 1000, message = "{address.error.postalAddress.tooLong}")
    @StoredIn("authority_contact.prada_address")
    private String pradaAddress;

    public AddressForm() {
    }

    public AddressForm(String email, String postalAddress) {
        this.email = email;
        this.postalAddress = postalAddress;
    }

    /** The form as the authority's current address fills it. */
    public static AddressForm of(Contact contact) {
        AddressForm form = new AddressForm(contact.email(), contact.postalAddress());
        form.pradaAddress = contact.pradaAddress();
        return form;
    }

    /**
     * What to record as typed by hand, or null when the form has mistakes (each in {@code errors}). A value left as
     * the import gave it is not recorded as typed, so that the next import can still correct it; a value cleared
     * goes back to what the imports say.
     *
     * @param current the authority's address now, or null to record the form as it is (the API)
     */
    public ContactDetails toDetails(Contact current, Errors errors) {
        if (blank(email) && blank(postalAddress) && blank(pradaAddress)) {
            errors.reject("address.error.empty");
            return null;
        }
        String typedEmail = null;
        if (!blank(email) && !errors.hasFieldErrors("email")) {
            try {
                typedEmail = new ContactDetails(email, null, null, null).email();
            } catch (InvalidInputException e) {
                errors.rejectValue("email", "address.error.email.invalid");
            }
        }
        String typedAddress = null;
        if (!blank(postalAddress) && !errors.hasFieldErrors("postalAddress")) {
            try {
                typedAddress = new ContactDetails(null, postalAddress, null, null).postalAddress();
                if (!FrenchPostalAddress.hasPostalCodeLine(typedAddress)) {
                    errors.rejectValue("postalAddress", "address.error.postalCode");
                }
            } catch (InvalidInputException e) {
                errors.rejectValue("postalAddress", "address.error.postalAddress.lines");
            }
        }
        String typedPrada = postalAddress("pradaAddress", pradaAddress, errors);
        if (errors.hasErrors()) {
            return null;
        }
        if (current != null) {
            String keptEmail = imported(typedEmail, current.email(), current.emailProvenance()) ? null : typedEmail;
            String keptAddress = imported(typedAddress, current.postalAddress(), current.addressProvenance())
                    ? null : typedAddress;
            String keptPrada = imported(typedPrada, current.pradaAddress(), current.pradaProvenance())
                    ? null : typedPrada;
            if (keptEmail != null || keptAddress != null || keptPrada != null) {
                return new ContactDetails(keptEmail, keptAddress, null, null, keptPrada);
            }
        }
        return new ContactDetails(typedEmail, typedAddress, null, null, typedPrada);
    }

    /** A postal address typed in a field, checked like the authority's; null when blank or wrong. */
    private static String postalAddress(String field, String value, Errors errors) {
        if (blank(value) || errors.hasFieldErrors(field)) {
            return null;
        }
        try {
            String typed = new ContactDetails(null, value, null, null).postalAddress();
            if (!FrenchPostalAddress.hasPostalCodeLine(typed)) {
                errors.rejectValue(field, "address.error.postalCode");
            }
            return typed;
        } catch (InvalidInputException e) {
            errors.rejectValue(field, "address.error.postalAddress.lines");
            return null;
        }
    }

    /** Whether the form says what the authority's address already says (nothing to record); an empty form never. */
    public boolean sameAs(Contact current) {
        if (blank(email) && blank(postalAddress) && blank(pradaAddress)) {
            return false;
        }
        return Objects.equals(normalised(email, true), current.email())
                && Objects.equals(normalised(postalAddress, false), current.postalAddress())
                && Objects.equals(normalised(pradaAddress, false), current.pradaAddress());
    }

    private static boolean imported(String typed, String current, Provenance provenance) {
        return typed != null && typed.equals(current) && provenance != null
                && provenance.source() != ContactSource.MANUAL;
    }

    private static String normalised(String value, boolean isEmail) {
        if (blank(value)) {
            return null;
        }
        try {
            ContactDetails details = isEmail ? new ContactDetails(value, null, null, null)
                    : new ContactDetails(null, value, null, null);
            return isEmail ? details.email() : details.postalAddress();
        } catch (InvalidInputException e) {
            return value;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public String getPradaAddress() {
        return pradaAddress;
    }

    public void setPradaAddress(String pradaAddress) {
        this.pradaAddress = pradaAddress;
    }
}

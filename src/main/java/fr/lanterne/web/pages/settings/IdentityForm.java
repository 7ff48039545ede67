package fr.lanterne.web.pages.settings;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.settings.IdentityDraft;
import fr.lanterne.settings.Settings;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The setup form as typed: every field text, so that a refused form comes back as it was typed with each error beside
 * its field. The lengths are those of the columns; what the identity must hold is {@link IdentityDraft}'s to say.
 */
record IdentityForm(
        @Size(max = 20) String kind,
        @Size(max = IdentityDraft.MAX_SURNAME, message = TOO_LONG) String surname,
        @Size(max = IdentityDraft.MAX_GIVEN_NAMES, message = TOO_LONG) String givenNames,
        @Size(max = IdentityDraft.MAX_ADDRESS, message = TOO_LONG) String homeAddress,
        @Size(max = IdentityDraft.MAX_LEGAL_FORM, message = TOO_LONG) String legalForm,
        @Size(max = IdentityDraft.MAX_DENOMINATION, message = TOO_LONG) String denomination,
        @Size(max = IdentityDraft.MAX_ADDRESS, message = TOO_LONG) String seatAddress,
        @Size(max = IdentityDraft.MAX_REPRESENTATIVE_NAME, message = TOO_LONG) String representativeName,
        @Size(max = IdentityDraft.MAX_REPRESENTATIVE_TITLE, message = TOO_LONG) String representativeTitle,
        @Size(max = IdentityDraft.MAX_ADDRESS, message = TOO_LONG) String letterAddress,
        @Size(max = IdentityDraft.MAX_MAILBOX, message = TOO_LONG) String mailbox,
        @Size(max = IdentityDraft.MAX_PLACE, message = TOO_LONG) String place,
        @Size(max = Settings.MAX_PUBLIC_URL, message = TOO_LONG) String publicUrl) {

    /** Resolved from messages*.properties by the validator ({max} is the constraint's). */
    static final String TOO_LONG = "{settings.identity.tooLong}";

    static IdentityForm of(IdentityDraft d, String publicUrl) {
        return new IdentityForm(d.kind(), d.surname(), d.givenNames(), d.homeAddress(), d.legalForm(),
                d.denomination(), d.seatAddress(), d.representativeName(), d.representativeTitle(), d.letterAddress(),
                d.mailbox(), d.place(), publicUrl);
    }

    IdentityDraft draft() {
        return new IdentityDraft(kind, surname, givenNames, homeAddress, legalForm, denomination, seatAddress,
                representativeName, representativeTitle, letterAddress, mailbox, place);
    }

    /** What the identity and the public address lack or get wrong, by field; empty when the form can be saved. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>(draft().problems());
        if (publicUrl != null && !publicUrl.isBlank()) {
            try {
                Settings.parsePublicUrl(publicUrl);
            } catch (InvalidInputException e) {
                problems.put("publicUrl", e.getMessage());
            }
        }
        return problems;
    }

    /** Whether the page shows the fields of a legal person (else those of a natural person). */
    public boolean legalPerson() {
        return "LEGAL_PERSON".equals(kind);
    }
}

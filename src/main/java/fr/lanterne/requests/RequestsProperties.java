package fr.lanterne.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who asks, where replies go, and how fast Lanterne sends.
 *
 * @param requester the identity printed on letters (the campaign's name, its postal address, the place of signature)
 * @param mailbox the address replies come back to; each request's Reply-To adds "+REFERENCE" before the @
 * @param from the From of request emails (by default the mailbox)
 * @param minIntervalBetweenIdenticalRequests no second letter of the same template to the same authority within this
 *        period, even after the first was closed: identical letters flooding one authority can be held abusive
 *        (CRPA L311-2)
 * @param emailsPerMinute the global sending rate, to stay a polite sender
 * @param maxAttempts tries before a temporary SMTP failure becomes a delivery failure for a person to look at
 */
@ConfigurationProperties("lanterne.requests")
@Validated
public record RequestsProperties(
        @Valid @DefaultValue Identity requester,
        @DefaultValue("demandes@lanterne.invalid") @Email @NotBlank String mailbox,
        String from,
        @DefaultValue("180d") Duration minIntervalBetweenIdenticalRequests,
        @DefaultValue("30") @Min(1) int emailsPerMinute,
        @DefaultValue("6") @Min(1) int maxAttempts) {

    public record Identity(
            @DefaultValue("Collectif Lanterne") @NotBlank String name,
            String postalAddress,
            @DefaultValue("Paris") @NotBlank String place) {
    }

    /** The From address. */
    public String sender() {
        return from == null || from.isBlank() ? mailbox : from;
    }

    /** demandes+LNT-2026-000123@example.org */
    public String replyAddress(RequestReference reference) {
        int at = mailbox.indexOf('@');
        return mailbox.substring(0, at) + "+" + reference.value() + mailbox.substring(at);
    }

    /** The default mailbox ends in .invalid: letters would ask authorities to reply to nowhere. */
    public boolean mailboxConfigured() {
        return !mailbox.endsWith(".invalid");
    }
}

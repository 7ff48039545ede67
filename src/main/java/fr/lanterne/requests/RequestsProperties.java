package fr.lanterne.requests;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Lanterne sends. Who signs and where replies go is the requester identity, set by an administrator
 * ({@link fr.lanterne.settings.Settings#requesterIdentity()}); {@code lanterne.requests.requester.*} and
 * {@code lanterne.requests.mailbox} in the configuration only pre-fill its form.
 *
 * @param from the From of request emails, when the SMTP server wants another address than the reply mailbox
 * @param minIntervalBetweenIdenticalRequests no second letter of the same template to the same authority within this
 *        period, even after the first was closed: identical letters flooding one authority can be held abusive
 *        (CRPA L311-2)
 * @param emailsPerMinute the global sending rate, to stay a polite sender
 * @param maxAttempts tries before a temporary SMTP failure becomes a delivery failure for a person to look at
 */
@ConfigurationProperties("lanterne.requests")
@Validated
public record RequestsProperties(
        @Email String from,
        @DefaultValue("180d") Duration minIntervalBetweenIdenticalRequests,
        @DefaultValue("30") @Min(1) int emailsPerMinute,
        @DefaultValue("6") @Min(1) int maxAttempts) {

    /** The From address of emails, given the reply mailbox of the requester identity. */
    public String sender(String mailbox) {
        return from == null || from.isBlank() ? mailbox : from.strip();
    }
}

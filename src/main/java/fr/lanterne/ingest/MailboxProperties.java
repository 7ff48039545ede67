package fr.lanterne.ingest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mailbox that receives the authorities' replies (the Reply-To of request emails). With no host, it is not read.
 *
 * @param protocol imaps (TLS, port 993) or imap
 * @param pollInterval how often the web application reads it
 */
@ConfigurationProperties("lanterne.mailbox")
@Validated
record MailboxProperties(
        String host,
        @DefaultValue("993") @Min(1) @Max(65535) int port,
        @DefaultValue("imaps") @NotNull @Pattern(regexp = "imaps?", message = "imaps ou imap") String protocol,
        String username,
        String password,
        @DefaultValue("INBOX") @NotBlank String folder,
        @DefaultValue("PT5M") @NotNull Duration pollInterval) {

    /** Validated as a property named pollIntervalPositive: a scheduler cannot wait zero or less between reads. */
    @AssertTrue(message = "poll-interval doit être une durée positive (PT5M)")
    boolean isPollIntervalPositive() {
        return pollInterval == null || !(pollInterval.isNegative() || pollInterval.isZero());
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}

package fr.lanterne.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox that receives the authorities' replies (the Reply-To of request emails). With no host, it is not read.
 *
 * @param protocol imaps (TLS, port 993) or imap
 * @param pollInterval how often the web application reads it
 */
@ConfigurationProperties("lanterne.mailbox")
record MailboxProperties(
        String host,
        @DefaultValue("993") int port,
        @DefaultValue("imaps") String protocol,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT5M") Duration pollInterval) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}

package fr.lanterne.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reads the replies mailbox every {@code lanterne.mailbox.poll-interval}, in the web application, when configured. */
@Component
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true} "
        + "and '${lanterne.mailbox.host:}' != ''")
class MailboxScheduling {

    private static final Logger log = LoggerFactory.getLogger(MailboxScheduling.class);

    private final MailboxReader reader;

    MailboxScheduling(MailboxReader reader) {
        this.reader = reader;
    }

    @Scheduled(fixedDelayString = "${lanterne.mailbox.poll-interval:PT5M}", initialDelayString = "PT1M")
    void poll() {
        try {
            int count = reader.poll().size();
            if (count > 0) {
                log.info("{} message(s) taken in from the mailbox", count);
            }
        } catch (RuntimeException e) {
            // The mailbox being unreachable for a while is no reason to stop reading it later.
            log.error("Reading the mailbox failed; next try in one interval", e);
        }
    }
}

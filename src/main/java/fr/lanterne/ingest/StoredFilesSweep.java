package fr.lanterne.ingest;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up of the web application, in the background: the stored files a crash left without their record are
 * taken in again, and half-written ones deleted ({@link StoredFilesRecovery}). Only files written
 * before this process started are looked at: later ones belong to inputs being taken in now.
 */
@Component
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true}")
class StoredFilesSweep {

    private static final Logger log = LoggerFactory.getLogger(StoredFilesSweep.class);

    private final StoredFilesRecovery recovery;

    StoredFilesSweep(StoredFilesRecovery recovery) {
        this.recovery = recovery;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStart() {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Thread sweep = new Thread(() -> {
            try {
                StoredFilesRecovery.Swept swept = recovery.sweep(started);
                log.info("Stored files checked in {} ms: {} file(s), {} without a record taken in again, {} "
                        + "half-written deleted", swept.took().toMillis(), swept.stored(), swept.recovered().size(),
                        swept.partial());
            } catch (RuntimeException e) {
                log.error("Checking the stored files failed; they are all kept, and checked again at the next start",
                        e);
            }
        }, "stored-files-sweep");
        sweep.setDaemon(true);
        sweep.start();
    }
}

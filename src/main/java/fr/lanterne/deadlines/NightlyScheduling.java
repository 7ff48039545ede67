package fr.lanterne.deadlines;

import fr.lanterne.shared.Paris;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Starts the nightly job at {@code lanterne.deadlines.nightly-cron}, Paris time, in the web application. */
@Component
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true}")
class NightlyScheduling {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduling.class);

    private final NightlyJobs jobs;
    private final Clock clock;

    NightlyScheduling(NightlyJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${lanterne.deadlines.nightly-cron:0 0 2 * * *}", zone = Paris.ID)
    void runTonight() {
        NightlyJobs.Run run = jobs.run(LocalDate.now(clock));
        log.info("Nightly job of {}: {} {}", run.night(), run.status(), run.written());
    }
}

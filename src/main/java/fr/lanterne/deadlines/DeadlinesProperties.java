package fr.lanterne.deadlines;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The nightly job's timing.
 *
 * @param nightlyCron when it runs, Europe/Paris time (Spring cron: second minute hour day month weekday)
 * @param reminderDaysBefore how many days before the implicit refusal a courteous reminder is drafted
 * @param warningDaysBefore how many days before the CADA-referral and court deadlines volunteers are warned
 * @param receiptMissingAfterDays after how many days without a recorded receipt date a sent request is flagged
 */
@ConfigurationProperties("lanterne.deadlines")
@Validated
record DeadlinesProperties(
        @DefaultValue("0 0 2 * * *") String nightlyCron,
        @DefaultValue("7") @Min(1) int reminderDaysBefore,
        @DefaultValue({"14", "3"}) List<Integer> warningDaysBefore,
        @DefaultValue("10") @Min(1) int receiptMissingAfterDays) {
}

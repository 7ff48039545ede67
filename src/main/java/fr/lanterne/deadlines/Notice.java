package fr.lanterne.deadlines;

import java.time.LocalDate;

/**
 * One thing a volunteer should know or do, created once (its key) by the nightly job.
 *
 * @param key what makes it the same notice, e.g. {@code REMINDER:LNT-2026-000123}
 * @param draftFile a letter prepared for the volunteer, relative to the data directory
 */
public record Notice(String key, NoticeKind kind, Long requestId, String reference, Long campaignId, String owner,
                     LocalDate dueDate, String message, String draftFile) {
}

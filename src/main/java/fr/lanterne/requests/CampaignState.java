package fr.lanterne.requests;

import java.util.Locale;

/**
 * Where a campaign's job stands, read once from Spring Batch's job repository (its last execution, and whether the
 * process running it is alive) so that pages and the command line never read Batch's status strings.
 */
public enum CampaignState {
    /** Every step done. */
    COMPLETED,
    /** A live process runs its job. */
    RUNNING,
    /**
     * Its job never started (the process that created it stopped first), failed, was stopped, or the process
     * running it is gone: {@link Campaigns#run} takes it further.
     */
    INTERRUPTED,
    /** Abandoned by hand in the job repository: nothing to resume. */
    ABANDONED;

    public boolean resumable() {
        return this == INTERRUPTED;
    }

    /** Its name in pages (a CSS class, the progress JSON): done, running, interrupted or stopped. */
    public String key() {
        return switch (this) {
            case COMPLETED -> "done";
            case ABANDONED -> "stopped";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** The message key of its label ("terminée", "en cours", "interrompue", "arrêtée"). */
    public String messageKey() {
        return "campaign.state." + key();
    }
}

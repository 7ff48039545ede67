/**
 * The legal calendar of the CRPA chain, counted as French law counts, and the nightly job.
 */
@LanterneModule(
        api = {CalendarFeed.class, DateInput.class, Deadline.class, DeadlineChain.class, DeadlineKind.class,
                DeadlineStep.class, Deadlines.class, DeadlinesCommand.class, LegalBasis.class, Notice.class,
                NoticeKind.class, Notices.class, Stage.class},
        uses = {"authorities", "cli", "letters", "requests", "settings", "shared", "users"})
package fr.lanterne.deadlines;

import fr.lanterne.LanterneModule;

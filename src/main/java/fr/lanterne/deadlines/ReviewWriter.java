package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityRef;
import fr.lanterne.requests.FollowUpDrafts;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.settings.Settings;
import fr.lanterne.shared.FrenchDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies a chunk's decisions. Actions whose notice already exists are skipped whole: the request moved on, the
 * letter was drafted, the volunteer told, on an earlier night or an earlier run of this one.
 */
class ReviewWriter implements ItemWriter<NightlyReview.Review> {
    private final Requests requests;
    private final FollowUpDrafts drafts;
    private final Authorities authorities;
    private final NoticeStore notices;
    private final Settings settings;
    private final Clock clock;
    private final LocalDate night;

    ReviewWriter(Requests requests, FollowUpDrafts drafts, Authorities authorities, NoticeStore notices,
                 Settings settings, Clock clock, LocalDate night) {
        this.settings = settings;
        this.requests = requests;
        this.drafts = drafts;
        this.authorities = authorities;
        this.notices = notices;
        this.clock = clock;
        this.night = night;
    }

    @Override
    public void write(Chunk<? extends NightlyReview.Review> chunk) {
        List<? extends NightlyReview.Review> reviews = chunk.getItems();
        // Asked once, before drafting: a refusal thrown inside the chunk's transaction would roll it back.
        String waiting = reviews.stream().flatMap(r -> r.actions().stream()).anyMatch(ReviewWriter::draftsReferral)
                ? settings.referralRefusal().orElse(null) : null;
        // One query for the chunk: its actions' keys and, while referrals wait, each request's waiting key.
        List<String> keys = new ArrayList<>();
        for (NightlyReview.Review review : reviews) {
            review.actions().forEach(action -> keys.add(action.key()));
            if (waiting != null && review.actions().stream().anyMatch(ReviewWriter::draftsReferral)) {
                keys.add(waitKey(review.request()));
            }
        }
        Set<String> done = notices.existingKeys(keys);
        Map<Long, AuthorityRef> names = authorities.authorityRefs(reviews.stream()
                .map(r -> r.request().authorityId()).distinct().toList());
        List<Notice> created = new ArrayList<>();
        for (NightlyReview.Review review : reviews) {
            RequestDates r = review.request();
            RequestReference reference = r.reference();
            for (NightlyReview.Action action : review.actions()) {
                if (done.contains(action.key())) {
                    continue;
                }
                if (action.transition() == NightlyReview.Transition.IMPLICIT_REFUSAL) {
                    requests.recordImplicitRefusal(reference, action.transitionDate());
                } else if (action.transition() == NightlyReview.Transition.CONFIRMED_REFUSAL) {
                    requests.recordConfirmedRefusalBySilence(reference, action.transitionDate());
                }
                String draft = null;
                String message = action.message();
                boolean waits = waiting != null && draftsReferral(action);
                if (action.draft() != null && !waits) {
                    try {
                        draft = drafts.draftFollowUp(reference, action.draft().template(), action.draft().prior(),
                                night);
                    } catch (fr.lanterne.shared.InvalidInputException e) {
                        message += " La lettre n'a pas pu être préparée : " + e.getMessage();
                    }
                }
                String authority = names.get(r.authorityId()).name();
                if (waits) {
                    // A referral short of an R343-1 element is not drafted (the CADA would not register it).
                    // The volunteer is told once; the referral's own notice is left unwritten, so that a later
                    // night drafts it once the identity is complete, while its safe deadline is still open.
                    String waitKey = waitKey(r);
                    if (action.kind() == NoticeKind.IMPLICIT_REFUSAL) {
                        created.add(new Notice(action.key(), action.kind(), r.id(), r.reference().value(),
                                r.campaignId(), r.owner(), action.due(), r.reference() + " — " + authority + " : "
                                + message.replace(" ; la saisine est prête.", "."), null));
                    }
                    if (!done.contains(waitKey)) {
                        created.add(new Notice(waitKey, NoticeKind.REFERRAL_WAITING_FOR_IDENTITY, r.id(),
                                r.reference().value(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
                                + authority + " : la saisine de la CADA n'est pas préparée. " + waiting
                                + (action.due() == null ? "" : " Elle le sera la nuit suivante, à envoyer au plus "
                                + "tard le " + FrenchDates.withWeekday(action.due()) + " (CRPA R343-1)."), null));
                        done.add(waitKey);
                    }
                    continue;
                }
                created.add(new Notice(action.key(), action.kind(), r.id(), r.reference().value(), r.campaignId(),
                        r.owner(), action.due(), r.reference() + " — " + authority + " : " + message, draft));
                // A refusal born tonight also gets its referral drafted tonight: one notice says both.
                if (action.kind() == NoticeKind.IMPLICIT_REFUSAL) {
                    created.add(new Notice("REFERRAL:" + r.reference(), NoticeKind.REFERRAL_DRAFTED, r.id(),
                            r.reference().value(), r.campaignId(), r.owner(), action.due(), r.reference() + " — "
                            + authority + " : saisine de la CADA prête.", draft));
                    done.add("REFERRAL:" + r.reference());
                }
            }
        }
        notices.insert(created, night, clock.instant());
    }

    private static boolean draftsReferral(NightlyReview.Action action) {
        return action.draft() != null
                && (action.kind() == NoticeKind.IMPLICIT_REFUSAL || action.kind() == NoticeKind.REFERRAL_DRAFTED);
    }

    private static String waitKey(RequestDates r) {
        return "REFERRAL_WAITING:" + r.reference();
    }
}

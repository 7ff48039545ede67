package fr.lanterne.requests;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.letters.Addressee;
import fr.lanterne.letters.Letter;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.PriorRequest;
import fr.lanterne.letters.Series;
import fr.lanterne.letters.SeriesEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up letters of requests, drafted for a volunteer to check and send: reminders, referrals to the CADA, one
 * at a time or for a series (CRPA L342-1), and the information letters of a series.
 */
@Service
public class FollowUpDrafts {

    private final RequestStore store;
    private final Authorities authorities;
    private final Letters letters;
    private final LetterWriter letterWriter;
    private final Clock clock;

    FollowUpDrafts(RequestStore store, Authorities authorities, Letters letters, LetterWriter letterWriter,
                   Clock clock) {
        this.store = store;
        this.authorities = authorities;
        this.letters = letters;
        this.letterWriter = letterWriter;
        this.clock = clock;
    }

    /** The referral to the CADA of a refused request, as {@link Requests#draftReferral} asks for it. */
    String draftReferral(RequestDetails r, LocalDate date) {
        RequestReference reference = r.reference();
        LegalDates d = r.dates();
        LocalDate refusal = d.refusedOn() != null ? d.refusedOn()
                : d.partialAnswerOn() != null ? d.partialAnswerOn() : d.implicitRefusalOn();
        if (refusal == null || r.sentOn() == null) {
            throw new ConflictException("La demande " + reference + " n'a pas de refus enregistré (état : "
                    + r.statusLabel() + ") : la saisine de la CADA vient après un refus, exprès ou implicite.",
                    Map.of("status", r.status().name()));
        }
        PriorRequest prior = d.refusedOn() != null || d.partialAnswerOn() != null
                ? PriorRequest.refused(r.template(), r.sentOn(), d.receivedOn(), refusal)
                : PriorRequest.unanswered(r.template(), r.sentOn(), d.receivedOn(), refusal);
        return draftFollowUp(reference, "saisine-cada", prior, date);
    }

    /**
     * Drafts a follow-up letter of a request (a reminder, a referral to the CADA) for a volunteer to check and send,
     * and notes it in the request's timeline.
     *
     * @return the draft's path relative to the data directory
     */
    @Transactional
    public String draftFollowUp(RequestReference reference, String templateId, PriorRequest prior, LocalDate date) {
        Request request = store.findForUpdate(reference).orElseThrow(() -> Requests.notFound(reference));
        Authority authority = authorities.authority(request.state().authorityId());
        Letter letter = letterWriter.composeFollowUp(reference, templateId, authority, prior, date);
        String file = letterWriter.writeDraft(reference.value(), templateId, letter);
        EventType type = switch (letters.templates().get(templateId).kind()) {
            case REMINDER -> EventType.REMINDER_DRAFTED;
            case SERIES_INFORMATION -> EventType.SERIES_INFORMATION_DRAFTED;
            default -> EventType.REFERRAL_DRAFTED;
        };
        store.update(request.followUpDrafted(type, file, clock.instant()));
        return file;
    }

    /**
     * One request of a series referral: a refusal referred (its {@code prior}), or another request of the series
     * with its state in words (CRPA L342-1: the requester identifies every request of the series).
     */
    public record SeriesItem(RequestReference reference, PriorRequest prior, LocalDate sentOn, LocalDate receivedOn,
                             String state) {

        /** A refusal the series referral is about. */
        public SeriesItem(RequestReference reference, PriorRequest prior) {
            this(reference, prior, null, null, null);
        }

        /** Another request of the series, sent on {@code sentOn}, in the state {@code state}. */
        public static SeriesItem other(RequestReference reference, LocalDate sentOn, LocalDate receivedOn,
                                       String state) {
            return new SeriesItem(reference, null, sentOn, receivedOn, state);
        }
    }

    /**
     * Drafts one referral to the CADA for a series of requests with the same object to different authorities
     * (CRPA L342-1).
     *
     * @param key names the draft (its folder under drafts/), e.g. "campagne-12"
     * @return the draft's path relative to the data directory
     */
    public String draftSeriesReferral(String key, String templateId, List<SeriesItem> items, LocalDate date) {
        List<SeriesEntry> entries = new ArrayList<>();
        for (SeriesItem item : items) {
            Request request = store.find(item.reference()).orElseThrow(() -> Requests.notFound(item.reference()));
            Authority authority = authorities.authority(request.state().authorityId());
            Addressee addressee = Addressee.of(authority);
            entries.add(item.prior() != null
                    ? SeriesEntry.of(item.reference().value(), addressee, item.prior())
                    : SeriesEntry.other(item.reference().value(), addressee, item.sentOn(),
                    item.receivedOn(), item.state()));
        }
        Letter letter = letterWriter.composeSeries(key.toUpperCase(Locale.ROOT),
                new Series(templateId, entries), date);
        return letterWriter.writeDraft(key, "saisine-cada-serie-" + date, letter);
    }
}

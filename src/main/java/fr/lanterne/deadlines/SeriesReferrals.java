package fr.lanterne.deadlines;

import fr.lanterne.letters.PriorRequest;
import fr.lanterne.requests.FollowUpDrafts;
import fr.lanterne.requests.FollowUpDrafts.SeriesItem;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import fr.lanterne.shared.FrenchDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The series referrals of the nightly job's second step (CRPA L342-1, R343-3-1): one referral for five or more
 * refusals of the same campaign and template, listing every request of the series, and one information letter for
 * each administration the referral lists.
 */
final class SeriesReferrals {

    private SeriesReferrals() {
    }

    /**
     * One series per campaign and template, once at least five different authorities refused (CRPA L342-1); a new
     * refusal later makes a new series, with a key of its own.
     */
    static Optional<Notice> notice(long campaignId, List<RequestDates> refused, Requests requests,
                                   FollowUpDrafts drafts,
                                   NoticeStore notices, NightlyReview review, Optional<String> identityMissing,
                                   LocalDate night) {
        List<Candidate> candidates = candidates(campaignId, refused);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // One query for the keys of every template's series, and of their waits.
        Set<String> existing = notices.existingKeys(candidates.stream()
                .flatMap(c -> Stream.of(c.key(), c.waitKey())).toList());
        for (Candidate candidate : candidates) {
            if (existing.contains(candidate.key())) {
                continue;
            }
            if (identityMissing.isPresent()) {
                if (existing.contains(candidate.waitKey())) {
                    continue;
                }
                // Not drafted, and its key left free: a later night drafts it once the identity is complete.
                return Optional.of(waiting(campaignId, candidate, identityMissing.get(), review, night));
            }
            return Optional.of(drafted(campaignId, candidate, requests, drafts, review, night));
        }
        return Optional.empty();
    }

    /** The series of one template: one refused request per authority, five or more (CRPA L342-1). */
    private record Candidate(String template, List<RequestDates> series, String key, String waitKey) {
    }

    private static List<Candidate> candidates(long campaignId, List<RequestDates> refused) {
        Map<String, List<RequestDates>> byTemplate = refused.stream()
                .collect(Collectors.groupingBy(RequestDates::template, LinkedHashMap::new, Collectors.toList()));
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<RequestDates>> group : byTemplate.entrySet()) {
            Map<Long, RequestDates> oneByAuthority = new LinkedHashMap<>();
            group.getValue().forEach(r -> oneByAuthority.putIfAbsent(r.authorityId(), r));
            if (oneByAuthority.size() < fr.lanterne.letters.Series.MINIMUM) {
                continue;
            }
            List<RequestDates> series = List.copyOf(oneByAuthority.values());
            String key = "SERIES:" + campaignId + ":" + group.getKey() + ":" + series.size() + ":"
                    + series.get(series.size() - 1).reference();
            candidates.add(new Candidate(group.getKey(), series, key,
                    "SERIES_WAITING:" + campaignId + ":" + group.getKey()));
        }
        return candidates;
    }

    private static Notice waiting(long campaignId, Candidate candidate, String identityMissing, NightlyReview review,
                                  LocalDate night) {
        List<RequestDates> series = candidate.series();
        return new Notice(candidate.waitKey(), NoticeKind.REFERRAL_WAITING_FOR_IDENTITY, null, null,
                campaignId, series.get(0).owner(), null, "Campagne n° " + campaignId + " : " + series.size()
                + " administrations ont refusé la même demande « " + candidate.template() + " », mais la saisine "
                + "unique de la CADA n'est pas préparée. " + identityMissing + " Elle le sera la nuit "
                + "suivante, à envoyer au plus tard le "
                + FrenchDates.withWeekday(earliestDeadline(series, review, night)) + " (CRPA R343-1).", null);
    }

    private static Notice drafted(long campaignId, Candidate candidate, Requests requests, FollowUpDrafts drafts,
                                  NightlyReview review,
                                  LocalDate night) {
        List<RequestDates> series = candidate.series();
        List<SeriesItem> items = series.stream().map(r -> new SeriesItem(
                r.reference(), prior(r))).toList();
        List<RequestDates> others = otherRequests(campaignId, candidate.template(), series, requests);
        List<SeriesItem> listed = new ArrayList<>(items);
        others.forEach(r -> listed.add(SeriesItem.other(r.reference(),
                NightlyReview.sentOn(r), r.dates().receivedOn(), seriesState(r))));
        String draft = drafts.draftSeriesReferral("campagne-" + campaignId, candidate.template(), listed, night);
        // L342-1 has the requester inform « les administrations concernées par la série »: every administration
        // the referral lists, whether it refused or not; one letter each, drafted with the referral and dated
        // like it, for the volunteer to send the same day.
        for (SeriesItem item : items) {
            drafts.draftFollowUp(item.reference(), "information-serie", item.prior(), night);
        }
        for (RequestDates r : others) {
            drafts.draftFollowUp(r.reference(), "information-serie", informationPrior(r), night);
        }
        return new Notice(candidate.key(), NoticeKind.SERIES_REFERRAL, null, null, campaignId, series.get(0).owner(),
                null, "Campagne n° " + campaignId + " : " + series.size() + " administrations ont refusé la même "
                + "demande « " + candidate.template() + " » ; une saisine unique de la CADA pour ces demandes de la "
                + "série est prête (CRPA L342-1) : " + series.stream().map(r -> r.reference().value())
                .collect(Collectors.joining(", ")) + ". Envoyez-la au plus tard le "
                + FrenchDates.withWeekday(earliestDeadline(series, review, night)) + ", première date limite "
                + "sûre de la série (CRPA R343-1), et informez-en le même jour chacune des administrations de "
                + "la série (CRPA L342-1) : la lettre d'information de chacune est prête sur sa demande ; "
                + "enregistrez son envoi sur la demande (requests series-informed RÉFÉRENCE --date …).",
                draft);
    }

    /**
     * The campaign's other requests with the same object, one per administration not referred tonight, each with its
     * state: L342-1 has the requester identify to the CADA every request of the series, not only the refusals.
     */
    private static List<RequestDates> otherRequests(long campaignId, String template, List<RequestDates> referred,
                                                    Requests requests) {
        Set<Long> authorities = new HashSet<>();
        referred.forEach(r -> authorities.add(r.authorityId()));
        List<RequestDates> others = new ArrayList<>();
        for (RequestDates r : requests.campaignRequestDates(campaignId)) {
            // A request never sent is not yet a request of the series.
            if (!r.template().equals(template) || NightlyReview.sentOn(r) == null || !authorities.add(r.authorityId())) {
                continue;
            }
            others.add(r);
        }
        return others;
    }

    /** What the information letter recalls of a request the referral does not refer: its refusal, if it had one. */
    private static PriorRequest informationPrior(RequestDates r) {
        if (r.dates().refusedOn() != null || r.dates().partialAnswerOn() != null || r.dates().implicitRefusalOn() != null) {
            return prior(r);
        }
        return PriorRequest.notRefused(r.template(), NightlyReview.sentOn(r), r.dates().receivedOn());
    }

    /** What became of a request of a series that the series referral does not refer, in words. */
    static String seriesState(RequestDates r) {
        if (r.dates().withdrawnOn() != null) {
            return "demande retirée le " + inLetter(r.dates().withdrawnOn());
        }
        if (r.dates().answeredOn() != null) {
            return "documents communiqués le " + inLetter(r.dates().answeredOn());
        }
        if (r.dates().cadaReferredOn() != null) {
            return "refus déjà soumis à la Commission le " + inLetter(r.dates().cadaReferredOn());
        }
        if (r.dates().partialAnswerOn() != null) {
            return "communication partielle le " + inLetter(r.dates().partialAnswerOn())
                    + ", refus non soumis par la présente saisine";
        }
        if (r.dates().refusedOn() != null) {
            return "refus exprès du " + inLetter(r.dates().refusedOn()) + ", non soumis par la présente saisine";
        }
        if (r.dates().implicitRefusalOn() != null) {
            return "refus implicite né le " + inLetter(r.dates().implicitRefusalOn())
                    + ", non soumis par la présente saisine";
        }
        return "sans réponse à ce jour";
    }

    private static String inLetter(LocalDate date) {
        // A letter's date, without the weekday the notices give.
        return FrenchDates.format(date);
    }

    private static LocalDate earliestDeadline(List<RequestDates> series, NightlyReview review, LocalDate night) {
        return series.stream().map(r -> review.referralDeadline(r, night).orElseThrow().earliest())
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    private static PriorRequest prior(RequestDates r) {
        LocalDate sent = NightlyReview.sentOn(r);
        if (r.dates().refusedOn() != null) {
            return PriorRequest.refused(r.template(), sent, r.dates().receivedOn(), r.dates().refusedOn());
        }
        if (r.dates().partialAnswerOn() != null) {
            return PriorRequest.refused(r.template(), sent, r.dates().receivedOn(), r.dates().partialAnswerOn());
        }
        return PriorRequest.unanswered(r.template(), sent, r.dates().receivedOn(), r.dates().implicitRefusalOn());
    }
}

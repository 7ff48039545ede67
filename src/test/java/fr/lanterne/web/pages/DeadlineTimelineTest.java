package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.TestDeadlines;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.web.pages.DeadlineTimeline.Milestone;
import fr.lanterne.web.pages.DeadlineTimeline.State;
import fr.lanterne.web.pages.DeadlineTimeline.Step;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The timeline of the request page, read as a volunteer reads it: which milestone is done, current, to come, missed
 * or no longer applicable, where today falls, and what to do next. The dates are the deadline engine's (a request to
 * Forcalquier, 04, received on Monday 2 March 2026: the month of silence ends on Thursday 2 April, CRPA R311-13).
 */
class DeadlineTimelineTest {

    private static final LocalDate SENT = LocalDate.of(2026, 2, 26);
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TestDeadlines deadlines = TestDeadlines.at(
            Clock.fixed(RECEIVED.atStartOfDay(PARIS).toInstant(), PARIS));

    @Test
    void a_request_sent_but_not_received_asks_for_its_receipt_date_and_dates_nothing_else() {
        RequestDetails request = request(RequestStatus.SENT, SENT, null, r -> r);
        DeadlineTimeline timeline = DeadlineTimeline.of(request, null, SENT.plusDays(3));

        assertThat(states(timeline)).containsExactly("SENT:DONE", "TODAY", "RECEIVED:CURRENT", "REFUSAL:TO_COME",
                "CADA_REFERRAL:TO_COME", "CADA_OPINION:TO_COME", "CONFIRMED_REFUSAL:TO_COME", "COURT:TO_COME");
        assertThat(timeline.next().key()).isEqualTo("receipt");
        assertThat(timeline.next().urgent()).isTrue();
        assertThat(milestone(timeline, Step.REFUSAL).dated()).isFalse();
    }

    @Test
    void while_the_town_hall_may_still_answer_the_refusal_is_current_and_the_referral_window_is_announced() {
        LocalDate today = LocalDate.of(2026, 3, 20);
        RequestDetails request = request(RequestStatus.RECEIVED, SENT, RECEIVED, r -> r);
        DeadlineTimeline timeline = DeadlineTimeline.of(request, chain(request, today), today);

        assertThat(states(timeline)).containsExactly("SENT:DONE", "RECEIVED:DONE", "TODAY", "REFUSAL:CURRENT",
                "CADA_REFERRAL:TO_COME", "CADA_OPINION:TO_COME", "CONFIRMED_REFUSAL:TO_COME", "COURT:TO_COME");
        Milestone refusal = milestone(timeline, Step.REFUSAL);
        assertThat(refusal.from()).isEqualTo("02/04/2026");
        assertThat(refusal.details()).extracting(d -> d.basis().get(0).article()).containsExactly("CRPA R*311-12");
        // Two months from the refusal (CRPA R343-1): the readings disagree by a day (1 June is Whit Monday), the
        // safe date comes first.
        Milestone referral = milestone(timeline, Step.CADA_REFERRAL);
        assertThat(referral.deadline()).isTrue();
        assertThat(referral.window()).isTrue();
        assertThat(List.of(referral.from(), referral.to())).containsExactly("01/06/2026", "02/06/2026");
        assertThat(timeline.next().key()).isEqualTo("waitAnswer");
        assertThat(timeline.next().args()).containsExactly("02/04/2026", "03/04/2026", "01/06/2026");
    }

    @Test
    void once_the_silence_is_a_refusal_the_referral_to_the_cada_is_the_thing_to_do() {
        LocalDate today = LocalDate.of(2026, 4, 10);
        RequestDetails request = request(RequestStatus.IMPLICITLY_REFUSED, SENT, RECEIVED, r -> r);
        DeadlineTimeline timeline = DeadlineTimeline.of(request, chain(request, today), today);

        assertThat(states(timeline)).containsExactly("SENT:DONE", "RECEIVED:DONE", "REFUSAL:DONE", "TODAY",
                "CADA_REFERRAL:CURRENT", "CADA_OPINION:TO_COME", "CONFIRMED_REFUSAL:TO_COME", "COURT:TO_COME");
        assertThat(timeline.next().key()).isEqualTo("referral.window");
        assertThat(timeline.next().urgent()).isTrue();
        assertThat(timeline.next().args()).containsExactly("01/06/2026", "02/06/2026");
    }

    @Test
    void a_missed_referral_deadline_says_so_and_what_follows_no_longer_applies() {
        LocalDate today = LocalDate.of(2026, 7, 1);
        RequestDetails request = request(RequestStatus.IMPLICITLY_REFUSED, SENT, RECEIVED, r -> r);
        DeadlineTimeline timeline = DeadlineTimeline.of(request, chain(request, today), today);

        assertThat(states(timeline)).containsExactly("SENT:DONE", "RECEIVED:DONE", "REFUSAL:DONE",
                "CADA_REFERRAL:MISSED", "TODAY", "CADA_OPINION:NOT_APPLICABLE", "CONFIRMED_REFUSAL:NOT_APPLICABLE",
                "COURT:NOT_APPLICABLE");
        assertThat(timeline.next().key()).isEqualTo("missed.cada_referral");
    }

    @Test
    void after_the_referral_the_opinion_is_awaited_a_month_after_its_registration() {
        LocalDate registered = LocalDate.of(2026, 4, 20);
        LocalDate today = LocalDate.of(2026, 5, 4);
        RequestDetails request = request(RequestStatus.REFERRED_TO_CADA, SENT, RECEIVED,
                r -> withCada(r, registered.minusDays(5), registered));
        DeadlineTimeline timeline = DeadlineTimeline.of(request, chain(request, today), today);

        assertThat(states(timeline)).containsExactly("SENT:DONE", "RECEIVED:DONE", "REFUSAL:DONE",
                "CADA_REFERRAL:DONE", "TODAY", "CADA_OPINION:CURRENT", "CONFIRMED_REFUSAL:TO_COME", "COURT:TO_COME");
        assertThat(milestone(timeline, Step.CADA_REFERRAL).label()).isEqualTo("referral.done");
        // CRPA R343-3: a month from the registration.
        assertThat(milestone(timeline, Step.CADA_OPINION).from()).isEqualTo("20/05/2026");
        assertThat(timeline.next().key()).isEqualTo("opinion");
        assertThat(milestone(timeline, Step.COURT).dated()).isTrue();
    }

    @Test
    void a_full_answer_ends_the_chain_right_after_what_happened() {
        LocalDate answered = LocalDate.of(2026, 3, 16);
        LocalDate today = LocalDate.of(2026, 4, 10);
        RequestDetails request = request(RequestStatus.ANSWERED, SENT, RECEIVED, r -> withAnswer(r, answered));
        DeadlineTimeline timeline = DeadlineTimeline.of(request, chain(request, today), today);

        assertThat(states(timeline)).containsExactly("SENT:DONE", "RECEIVED:DONE", "END:DONE", "TODAY",
                "REFUSAL:NOT_APPLICABLE", "CADA_REFERRAL:NOT_APPLICABLE", "CADA_OPINION:NOT_APPLICABLE",
                "CONFIRMED_REFUSAL:NOT_APPLICABLE", "COURT:NOT_APPLICABLE");
        assertThat(milestone(timeline, Step.END).label()).isEqualTo("answered");
        assertThat(timeline.next()).isNull();
    }

    private DeadlineChain chain(RequestDetails request, LocalDate asOf) {
        return deadlines.of(request, asOf).orElseThrow();
    }

    private static List<String> states(DeadlineTimeline timeline) {
        return timeline.entries().stream()
                .map(m -> m.today() ? "TODAY" : m.step() + ":" + m.state())
                .toList();
    }

    private static Milestone milestone(DeadlineTimeline timeline, Step step) {
        return timeline.entries().stream().filter(m -> m.step() == step).findFirst().orElseThrow();
    }

    private static RequestDetails request(RequestStatus status, LocalDate sent, LocalDate received,
            UnaryOperator<RequestDetails> more) {
        return more.apply(new RequestDetails(new RequestReference("LNT-2026-000001"), status, status.label(),
                Channel.POST, "mairie-04088", "Mairie de Forcalquier", "04088", "04", "cctv", null, "benevole",
                SENT.atStartOfDay(PARIS).toInstant(), sent == null ? null : sent.atTime(10, 0).atZone(PARIS).toInstant(),
                LegalDates.receivedOn(received), null, null, null, 0, null, null, 1, List.of()));
    }

    private static RequestDetails withCada(RequestDetails r, LocalDate referred, LocalDate registered) {
        return withDates(r, LegalDates.receivedOn(r.dates().receivedOn()).withCadaReferredOn(referred)
                .withCadaRegisteredOn(registered));
    }

    private static RequestDetails withAnswer(RequestDetails r, LocalDate answered) {
        return withDates(r, LegalDates.receivedOn(r.dates().receivedOn()).withAnsweredOn(answered));
    }

    private static RequestDetails withDates(RequestDetails r, LegalDates dates) {
        return new RequestDetails(r.reference(), r.status(), r.statusLabel(), r.channel(), r.authorityCode(),
                r.authorityName(), r.communeInsee(), r.departement(), r.template(), r.campaignId(), r.owner(),
                r.createdAt(), r.sentAt(), dates, null, null, null, 0, null, null, 1, List.of());
    }
}

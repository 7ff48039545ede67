package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the nightly job decides for one request on one night. Dates checked by hand on a 2026 calendar. */
class NightlyReviewTest {

    private final NightlyReview review = new NightlyReview(
            new DeadlineCalculator(new PublicHolidays(), Clock.system(ZoneId.of("Europe/Paris"))),
            new DeadlinesProperties("0 0 2 * * *", 7, List.of(14, 3), 10));

    private static RequestDates request(RequestStatus status, LocalDate sent, LocalDate received, LocalDate refused,
                                        LocalDate implicit, LocalDate cadaRegistered, LocalDate confirmed) {
        return new RequestDates(1, new RequestReference("LNT-2026-000001"), status, "alice", "vsa", null, 7, "06", sent,
                new LegalDates(received, null, null, refused, implicit,
                        cadaRegistered == null ? null : cadaRegistered.minusDays(3), cadaRegistered, null, confirmed,
                        null, null), null);
    }

    private List<String> keys(RequestDates r, LocalDate night) {
        return review.review(r, night).map(rv -> rv.actions().stream().map(NightlyReview.Action::key).toList())
                .orElse(List.of());
    }

    @Test
    void a_sent_request_without_receipt_is_flagged_after_ten_days_never_guessed() {
        RequestDates sent = request(RequestStatus.SENT, LocalDate.of(2026, 3, 2), null, null, null, null, null);
        assertThat(keys(sent, LocalDate.of(2026, 3, 11))).isEmpty();
        assertThat(keys(sent, LocalDate.of(2026, 3, 12))).containsExactly("RECEIPT:LNT-2026-000001");
    }

    @Test
    void a_reminder_is_drafted_a_week_before_the_implicit_refusal() {
        // Received Tuesday 3 March 2026: implicit refusal Friday 3 April (CRPA R311-13, CPC 641).
        RequestDates received = request(RequestStatus.RECEIVED, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                null, null, null, null);
        assertThat(keys(received, LocalDate.of(2026, 3, 26))).isEmpty();
        Optional<NightlyReview.Review> reminder = review.review(received, LocalDate.of(2026, 3, 27));
        assertThat(reminder).get().extracting(r -> r.actions().get(0).key()).isEqualTo("REMINDER:LNT-2026-000001");
        assertThat(reminder.get().actions().get(0).draft().template()).isEqualTo("relance");
        assertThat(reminder.get().actions().get(0).due()).isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void the_implicit_refusal_is_recorded_once_every_reading_agrees_with_the_referral_drafted() {
        RequestDates received = request(RequestStatus.RECEIVED, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                null, null, null, null);
        Optional<NightlyReview.Review> refusal = review.review(received, LocalDate.of(2026, 4, 4));
        NightlyReview.Action action = refusal.orElseThrow().actions().get(0);
        assertThat(action.key()).isEqualTo("IMPLICIT:LNT-2026-000001");
        assertThat(action.transition()).isEqualTo(NightlyReview.Transition.IMPLICIT_REFUSAL);
        assertThat(action.transitionDate()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(action.draft().template()).isEqualTo("saisine-cada");
        assertThat(action.message()).contains("CRPA R343-1");
    }

    @Test
    void referral_warnings_come_once_per_threshold() {
        // Express refusal notified Friday 6 March 2026: referral within two months, by Wednesday 6 May at the latest;
        // the strict reading (the CADA's "calendar months") gives Tuesday 5 May.
        RequestDates refused = request(RequestStatus.REFUSED, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3),
                LocalDate.of(2026, 3, 6), null, null, null);
        assertThat(keys(refused, LocalDate.of(2026, 4, 1))).containsExactly("REFERRAL:LNT-2026-000001");
        assertThat(keys(refused, LocalDate.of(2026, 4, 21))).containsExactly("REFERRAL:LNT-2026-000001",
                "REFERRAL_SOON:14:LNT-2026-000001");
        assertThat(keys(refused, LocalDate.of(2026, 5, 2))).containsExactly("REFERRAL:LNT-2026-000001",
                "REFERRAL_SOON:3:LNT-2026-000001");
        assertThat(keys(refused, LocalDate.of(2026, 5, 6))).as("after the safe date, nothing more").isEmpty();
    }

    /** CRPA R343-1: a referral is drafted, saying it is in time, only up to its safe date. */
    @Test
    void a_referral_is_drafted_only_until_its_safe_date_and_carries_it() {
        // Express refusal Friday 6 March 2026: safe date Tuesday 5 May, generous reading Wednesday 6 May.
        RequestDates refused = request(RequestStatus.REFUSED, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3),
                LocalDate.of(2026, 3, 6), null, null, null);
        NightlyReview.Action lastDay = review.review(refused, LocalDate.of(2026, 5, 5)).orElseThrow().actions().get(0);
        assertThat(lastDay.draft().prior().referralDeadline()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(lastDay.draft().prior().referralInTimeOn(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(keys(refused, LocalDate.of(2026, 5, 6))).as("generous day: no letter claiming to be in time")
                .isEmpty();
    }

    /** CRPA R311-13: receipt never precedes sending, so counting from the sending date is never too late. */
    @Test
    void without_a_receipt_date_the_referral_deadline_counts_from_the_sending_date() {
        RequestDates refused = request(RequestStatus.REFUSED, LocalDate.of(2026, 2, 2), null,
                LocalDate.of(2026, 3, 6), null, null, null);
        NightlyReview.Action action = review.review(refused, LocalDate.of(2026, 4, 1)).orElseThrow().actions().get(0);
        assertThat(action.draft().prior().referralDeadline()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(action.message()).contains("enregistrez la date de réception");
        assertThat(keys(refused, LocalDate.of(2026, 5, 6))).isEmpty();
        assertThat(review.referralOpen(refused, LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(review.referralOpen(refused, LocalDate.of(2026, 5, 6))).isFalse();
    }

    @Test
    void two_months_of_silence_after_the_cada_registration_confirm_the_refusal() {
        RequestDates referred = request(RequestStatus.REFERRED_TO_CADA, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 6), null, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 10), null);
        assertThat(keys(referred, LocalDate.of(2026, 5, 9))).isEmpty();
        Optional<NightlyReview.Review> confirmed = review.review(referred, LocalDate.of(2026, 5, 12));
        NightlyReview.Action action = confirmed.orElseThrow().actions().get(0);
        assertThat(action.transition()).isEqualTo(NightlyReview.Transition.CONFIRMED_REFUSAL);
        assertThat(action.transitionDate()).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(action.message()).contains("CJA R421-1");
    }

    @Test
    void a_territory_with_rules_of_its_own_gets_a_notice_not_a_failed_night() {
        RequestDates taaf = new RequestDates(1, new RequestReference("LNT-2026-000001"), RequestStatus.RECEIVED,
                "alice", "vsa", null, 7, "984", LocalDate.of(2026, 3, 2), LegalDates.receivedOn(LocalDate.of(2026, 3, 3)),
                null);
        NightlyReview.Action action = review.review(taaf, LocalDate.of(2026, 4, 4)).orElseThrow().actions().get(0);
        assertThat(action.kind()).isEqualTo(NoticeKind.DEADLINES_UNAVAILABLE);
        assertThat(action.key()).isEqualTo("NO_DEADLINES:LNT-2026-000001");
        assertThat(action.message()).contains("984");
    }

    @Test
    void a_referral_without_its_registration_date_asks_for_it() {
        RequestDates referred = new RequestDates(1, new RequestReference("LNT-2026-000001"),
                RequestStatus.REFERRED_TO_CADA, "alice", "vsa", null, 7, "06", LocalDate.of(2026, 1, 5),
                LegalDates.receivedOn(LocalDate.of(2026, 1, 6)).withImplicitRefusalOn(LocalDate.of(2026, 2, 6))
                        .withCadaReferredOn(LocalDate.of(2026, 3, 1)), null);
        assertThat(keys(referred, LocalDate.of(2026, 3, 11))).containsExactly("CADA_REGISTRATION:LNT-2026-000001");
    }

    @Test
    void the_night_reads_the_remedies_flag_as_the_request_page_does() {
        RequestDates refused = new RequestDates(1, new RequestReference("LNT-2026-000001"), RequestStatus.IMPLICITLY_REFUSED,
                "alice", "vsa", null, 7, "06", LocalDate.of(2026, 3, 2), LegalDates.receivedOn(LocalDate.of(2026, 3, 3))
                .withImplicitRefusalOn(LocalDate.of(2026, 4, 3)), new RemedyMentions(false, true));
        assertThat(review.referralDeadline(refused, LocalDate.of(2026, 4, 4)).orElseThrow().explanation())
                .contains("Vous avez indiqué que l'accusé de réception de la demande ne mentionnait pas")
                .contains("ce délai de deux mois ne vous est pas opposable");
    }
}

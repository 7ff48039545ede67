package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T11:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static Request sent() {
        return Request.draft(RequestReference.of(2026, 42), 7, "06", "vsa", null, Channel.EMAIL, "alice", MONDAY_NOON)
                .letterRendered("letters/2026/LNT-2026-000042.pdf", MONDAY_NOON)
                .queue("alice", MONDAY_NOON)
                .startSending(MONDAY_NOON)
                .sent(MONDAY_NOON, "lanterne", "ok");
    }

    private static final Transmission TO_PREFECTURE = new Transmission(9, "prefecture-06",
            "Préfecture des Alpes-Maritimes", "06", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12));

    /**
     * CRPA L311-2 (third paragraph): the authority that does not hold the documents transmits the request; CRPA
     * R311-13: the month of silence runs from receipt by the competent authority. From each state: the state after
     * the transmission, or the refusal.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, réception connue : {1} → {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            SENT               | true  | RECEIVED
            SENT               | false | SENT
            RECEIVED           | true  | RECEIVED
            RECEIVED           | false | SENT
            IMPLICITLY_REFUSED | true  | RECEIVED
            IMPLICITLY_REFUSED | false | SENT
            REFUSED            | true  | -
            REFERRED_TO_CADA   | true  | -
            """)
    void a_transmission_restarts_the_clock_from_receipt_by_the_new_authority(RequestStatus from, boolean known,
                                                                              String expected) {
        Request request = sent();
        if (from != RequestStatus.SENT) {
            request.received(LocalDate.of(2026, 3, 3), null, "alice", TODAY, MONDAY_NOON);
        }
        if (from == RequestStatus.IMPLICITLY_REFUSED) {
            request.implicitlyRefused(LocalDate.of(2026, 4, 3), MONDAY_NOON);
        }
        if (from == RequestStatus.REFUSED || from == RequestStatus.REFERRED_TO_CADA) {
            request.refused(LocalDate.of(2026, 3, 9), "alice", TODAY, MONDAY_NOON);
        }
        if (from == RequestStatus.REFERRED_TO_CADA) {
            request.referredToCada(LocalDate.of(2026, 3, 10), "alice", TODAY, MONDAY_NOON);
        }
        LocalDate today = LocalDate.of(2026, 4, 20);
        Transmission transmission = known ? TO_PREFECTURE : new Transmission(9, "prefecture-06",
                "Préfecture des Alpes-Maritimes", "06", LocalDate.of(2026, 3, 10), null);
        if ("-".equals(expected)) {
            assertThatThrownBy(() -> request.transmitted(transmission, "alice", today, MONDAY_NOON))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("transmission");
            return;
        }
        request.transmitted(transmission, "alice", today, MONDAY_NOON);
        assertThat(request.status()).isEqualTo(RequestStatus.valueOf(expected));
        assertThat(request.state().authorityId()).isEqualTo(9);
        assertThat(request.state().dates().receivedOn()).isEqualTo(known ? LocalDate.of(2026, 3, 12) : null);
        assertThat(request.state().dates().implicitRefusalOn()).isNull();
        assertThat(request.newEvents()).extracting(TimelineEvent::type).contains(EventType.TRANSMITTED);
        assertThat(request.newEvents().stream().filter(e -> e.type() == EventType.TRANSMITTED).findFirst()
                .orElseThrow().detail()).contains("Préfecture des Alpes-Maritimes (prefecture-06)", "10 mars 2026",
                "CRPA L311-2");
    }

    @Test
    void a_transmission_needs_dates_in_order_and_another_authority() {
        assertThatThrownBy(() -> sent().transmitted(new Transmission(9, "prefecture-06", "Préfecture",
                "06", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 9)), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("précède celle de la transmission");
        assertThatThrownBy(() -> sent().transmitted(new Transmission(7, "mairie-06088", "Mairie de Nice", "06",
                LocalDate.of(2026, 3, 10), null), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("déjà adressée");
        assertThatThrownBy(() -> sent().transmitted(new Transmission(9, "prefecture-06", "Préfecture", "06",
                LocalDate.of(2026, 3, 1), null), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("précède");
    }

    @Test
    void a_receipt_before_sending_is_refused_with_both_dates() {
        assertThatThrownBy(() -> sent().received(LocalDate.of(2026, 3, 1), null, "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date de réception (1er mars 2026) précède la date d'envoi (2 mars 2026) : une demande ne "
                        + "peut pas être reçue avant d'avoir été envoyée.");
    }

    @Test
    void a_receipt_in_the_future_is_refused_saying_today() {
        assertThatThrownBy(() -> sent().received(LocalDate.of(2026, 3, 21), null, "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("21 mars 2026) est dans le futur")
                .hasMessageContaining("nous sommes le 20 mars 2026");
    }

    @Test
    void the_receipt_date_can_be_corrected_and_each_change_is_in_the_timeline() {
        Request request = sent().received(LocalDate.of(2026, 3, 4), "AR n° 1A", "alice", TODAY, MONDAY_NOON);
        assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
        request.received(LocalDate.of(2026, 3, 3), "AR corrigé", "bob", TODAY, MONDAY_NOON);
        assertThat(request.state().dates().receivedOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(request.newEvents()).extracting(TimelineEvent::type).containsExactly(EventType.CREATED,
                EventType.LETTER_RENDERED, EventType.QUEUED, EventType.SENT, EventType.RECEIVED, EventType.RECEIVED);
        assertThat(request.newEvents().get(5).detail()).startsWith("date de réception corrigée");
        assertThat(request.newEvents().get(5).actor()).isEqualTo("bob");
    }

    @Test
    void state_changes_follow_the_lifecycle() {
        Request request = sent();
        assertThatThrownBy(() -> request.referredToCada(TODAY, "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(ConflictException.class)
                .hasMessage("La demande LNT-2026-000042 est « envoyée » : elle ne peut pas passer à « CADA saisie ».");
        request.received(LocalDate.of(2026, 3, 3), null, "alice", TODAY, MONDAY_NOON)
                .refused(LocalDate.of(2026, 3, 10), "alice", TODAY, MONDAY_NOON)
                .referredToCada(LocalDate.of(2026, 3, 12), "alice", TODAY, MONDAY_NOON)
                .cadaRegistered(LocalDate.of(2026, 3, 16), "alice", TODAY, MONDAY_NOON)
                .refused(LocalDate.of(2026, 3, 19), "alice", TODAY, MONDAY_NOON);
        assertThat(request.status()).as("a refusal after the referral is a confirmed refusal")
                .isEqualTo(RequestStatus.CONFIRMED_REFUSAL);
        request.answered(true, TODAY, "alice", TODAY, MONDAY_NOON);
        assertThat(request.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(request.status().open()).isFalse();
        assertThatThrownBy(() -> request.withdrawn(TODAY, "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_withdrawal_is_dated_as_given_never_in_the_future_nor_before_sending() {
        assertThatThrownBy(() -> sent().withdrawn(LocalDate.of(9999, 12, 31), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("est dans le futur");
        assertThatThrownBy(() -> sent().withdrawn(LocalDate.of(2026, 3, 1), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date du retrait (1er mars 2026) précède l'envoi de la demande (2 mars 2026) : vérifiez "
                        + "la date.");
        Request request = sent().withdrawn(LocalDate.of(2026, 3, 9), "alice", TODAY, MONDAY_NOON);
        assertThat(request.state().dates().withdrawnOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void a_refusal_dated_before_receipt_is_refused() {
        Request request = sent().received(LocalDate.of(2026, 3, 5), null, "alice", TODAY, MONDAY_NOON);
        assertThatThrownBy(() -> request.refused(LocalDate.of(2026, 3, 4), "alice", TODAY, MONDAY_NOON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("précède la réception de la demande (5 mars 2026)");
    }

    @Test
    void an_interrupted_send_waits_for_a_person() {
        Request request = Request.draft(RequestReference.of(2026, 1), 7, "06", "vsa", null, Channel.EMAIL, "alice",
                        MONDAY_NOON)
                .letterRendered("x.pdf", MONDAY_NOON).queue("alice", MONDAY_NOON).startSending(MONDAY_NOON)
                .sendingInterrupted(MONDAY_NOON);
        assertThat(request.status()).isEqualTo(RequestStatus.SEND_UNCERTAIN);
        assertThatThrownBy(() -> request.startSending(MONDAY_NOON)).isInstanceOf(ConflictException.class);
        request.requeue("alice", MONDAY_NOON);
        assertThat(request.status()).isEqualTo(RequestStatus.QUEUED);
    }

    @Test
    void an_implicit_refusal_needs_a_receipt() {
        assertThatThrownBy(() -> sent().implicitlyRefused(LocalDate.of(2026, 4, 3), MONDAY_NOON))
                .isInstanceOf(IllegalStateException.class);
        Request received = sent().received(LocalDate.of(2026, 3, 3), null, "alice", TODAY, MONDAY_NOON);
        received.implicitlyRefused(LocalDate.of(2026, 4, 3), MONDAY_NOON);
        assertThat(received.status()).isEqualTo(RequestStatus.IMPLICITLY_REFUSED);
    }

    @Test
    void references_look_like_the_letters_say() {
        assertThat(RequestReference.of(2026, 123).value()).isEqualTo("LNT-2026-000123");
        assertThat(RequestReference.of(2026, 1_234_567).value()).isEqualTo("LNT-2026-1234567");
        assertThat(RequestReference.parse(" lnt-2026-000123 ").year()).isEqualTo(2026);
        assertThatThrownBy(() -> RequestReference.parse("LNT-26-1")).hasMessageContaining("LNT-2026-000123");
    }
}

package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CRPA L342-1 (as amended by the loi 3DS): the requester identifies to the CADA every request of a series; those the
 * referral does not refer are listed with what became of them.
 */
class SeriesStateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SENT              | -          | -          | -          | -          | -          | -          | sans réponse à ce jour
            ANSWERED          | 2026-10-05 | -          | -          | -          | -          | -          | documents communiqués le 5 octobre 2026
            PARTIALLY_ANSWERED| -          | 2026-10-05 | -          | -          | -          | -          | communication partielle le 5 octobre 2026, refus non soumis par la présente saisine
            REFUSED           | -          | -          | 2026-10-01 | -          | -          | -          | refus exprès du 1er octobre 2026, non soumis par la présente saisine
            IMPLICITLY_REFUSED| -          | -          | -          | 2026-10-03 | -          | -          | refus implicite né le 3 octobre 2026, non soumis par la présente saisine
            REFERRED_TO_CADA  | -          | -          | 2026-10-01 | -          | 2026-10-20 | -          | refus déjà soumis à la Commission le 20 octobre 2026
            WITHDRAWN         | -          | -          | -          | -          | -          | 2026-10-02 | demande retirée le 2 octobre 2026
            """)
    void each_request_of_the_series_is_listed_with_its_state(RequestStatus status, LocalDate answered,
                                                             LocalDate partial, LocalDate refused, LocalDate implicit,
                                                             LocalDate referred, LocalDate withdrawn, String expected) {
        RequestDates r = new RequestDates(1, new RequestReference("LNT-2026-000001"), status, "camille", "vsa", 7L, 3,
                "06", LocalDate.of(2026, 9, 1), new LegalDates(LocalDate.of(2026, 9, 3), answered, partial, refused,
                implicit, referred, null, null, null, null, withdrawn), null);

        assertThat(SeriesReferrals.seriesState(r)).isEqualTo(expected);
    }
}

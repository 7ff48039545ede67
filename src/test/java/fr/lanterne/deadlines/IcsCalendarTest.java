package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private final IcsCalendar calendar = new IcsCalendar("Délais Lanterne",
            Clock.fixed(Instant.parse("2026-03-20T07:15:30.123Z"), ZoneId.of("Europe/Paris")));

    @Test
    void writesAnAllDayEventWithCrlfLineEndings() {
        var event = new IcsEvent("abc@lanterne", LocalDate.of(2026, 4, 30), "Saisir la CADA", "Avant minuit");

        assertThat(calendar.write(List.of(event))).isEqualTo("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Lanterne//Delais CRPA//FR\r
                CALSCALE:GREGORIAN\r
                METHOD:PUBLISH\r
                NAME:Délais Lanterne\r
                X-WR-CALNAME:Délais Lanterne\r
                BEGIN:VEVENT\r
                UID:abc@lanterne\r
                DTSTAMP:20260320T071530Z\r
                DTSTART;VALUE=DATE:20260430\r
                DTEND;VALUE=DATE:20260501\r
                SUMMARY:Saisir la CADA\r
                DESCRIPTION:Avant minuit\r
                TRANSP:TRANSPARENT\r
                BEGIN:VALARM\r
                ACTION:DISPLAY\r
                DESCRIPTION:Saisir la CADA\r
                TRIGGER:-P1D\r
                END:VALARM\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
    }

    @Test
    void anAllDayEventOnTheLastDayOfTheYearEndsOnNewYearsDay() {
        var event = new IcsEvent("x@lanterne", LocalDate.of(2026, 12, 31), "Fin", null);
        assertThat(calendar.write(List.of(event))).contains("DTEND;VALUE=DATE:20270101\r\n")
                .doesNotContain("DESCRIPTION:\r\n").contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Fin\r\n");
    }

    @Test
    void escapesTextValues() {
        assertThat(IcsCalendar.escape("a,b;c\\d\ne\r\nf\rg")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf\\ng");
        assertThat(IcsCalendar.escape("tab\there, bell\u0007 gone")).isEqualTo("tab\there\\, bell gone");
        assertThat(IcsCalendar.escape("Référence : « 2026-A »")).isEqualTo("Référence : « 2026-A »");
    }

    @Test
    void foldsLongLinesAt75OctetsWithoutSplittingCharacters() throws CharacterCodingException {
        String longText = "Saisissez la CADA au plus tard le lundi 27 avril 2026 : c'est la date sûre quelle que "
                + "soit la lecture retenue — éàèùçœ€😀 ".repeat(4);
        var event = new IcsEvent("y@lanterne", LocalDate.of(2026, 4, 27), "Échéance", longText);
        String ics = calendar.write(List.of(event));

        assertThat(ics).endsWith("\r\n");
        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as(line).isLessThanOrEqualTo(75);
            // A strict decoder fails on a line that ends or starts in the middle of a UTF-8 sequence.
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:" + IcsCalendar.escape(longText) + "\r\n");
    }

    @Test
    void foldsExactlyAtTheLimit() {
        String seventyFive = "X".repeat(75);
        assertThat(IcsCalendar.fold(seventyFive)).isEqualTo(seventyFive);
        assertThat(IcsCalendar.fold(seventyFive + "Y")).isEqualTo(seventyFive + "\r\n Y");
        // 74 ASCII octets then a 2-octet "é" would make 76: the "é" moves to the next line.
        assertThat(IcsCalendar.fold("X".repeat(74) + "é")).isEqualTo("X".repeat(74) + "\r\n é");
        // Continuation lines carry 74 octets after their leading space.
        assertThat(IcsCalendar.fold("X".repeat(75 + 74 + 1))).isEqualTo("X".repeat(75) + "\r\n " + "X".repeat(74)
                + "\r\n X");
    }

    @Test
    void uidsAreStableAndDistinct() {
        assertThat(IcsEvent.stableUid("2026-0042", "CADA_REFERRAL_DEADLINE"))
                .isEqualTo(IcsEvent.stableUid("2026-0042", "CADA_REFERRAL_DEADLINE"))
                .isNotEqualTo(IcsEvent.stableUid("2026-0042", "COURT_DEADLINE"))
                .isNotEqualTo(IcsEvent.stableUid("2026-004", "2CADA_REFERRAL_DEADLINE"))
                .endsWith("@lanterne");
    }

    @Test
    void anEventForADeadlineUsesTheSafeDateAndCitesTheBasis() {
        var deadline = new Deadline(DeadlineStep.CADA_REFERRAL_DEADLINE, DeadlineKind.ACTION_DEADLINE,
                LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 4), List.of(LegalBasis.CRPA_R343_1,
                LegalBasis.CPC_642), "Saisissez la CADA.");

        var event = IcsEvent.forDeadline("2026-0042", "Nice", "LNT-2026-000042", "Vidéosurveillance", deadline);

        assertThat(event.date()).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(event.summary())
                .isEqualTo("Nice : date limite de saisine de la CADA pour la demande LNT-2026-000042");
        assertThat(event.description()).isEqualTo("Vidéosurveillance\nSaisissez la CADA.\nDate la plus favorable : "
                + "lundi 4 mai 2026.\nBase légale : CRPA R343-1, CPC art. 642.");
        assertThat(event.uid()).isEqualTo(IcsEvent.stableUid("2026-0042", "CADA_REFERRAL_DEADLINE"));
    }

    @Test
    void anEventTitleNamesTheTownThenWhatHappens() {
        var refusal = new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION,
                LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), List.of(LegalBasis.CRPA_R311_13), "Silence.");

        assertThat(IcsEvent.forDeadline("k", "Nice", "LNT-2026-000123", null, refusal).summary())
                .isEqualTo("Nice : refus implicite de la demande LNT-2026-000123");
        assertThat(IcsEvent.forDeadline("k", null, "LNT-2026-000123", null, refusal).summary())
                .isEqualTo("refus implicite de la demande LNT-2026-000123");
    }

    @Test
    void aLongTitleWithAccentsAndPunctuationIsEscapedAndFoldedInTheEventAndItsAlarm() throws Exception {
        var deadline = new Deadline(DeadlineStep.COURT_DEADLINE, DeadlineKind.ACTION_DEADLINE,
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), List.of(LegalBasis.CJA_R421_1), "Recours.");
        var event = IcsEvent.forDeadline("k", "Saint-Étienne-de-Saint-Geoirs, Isère; ouest", "LNT-2026-000123",
                null, deadline);

        String ics = calendar.write(List.of(event));

        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as(line).isLessThanOrEqualTo(75);
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        }
        String unfolded = ics.replace("\r\n ", "");
        String title = "Saint-Étienne-de-Saint-Geoirs\\, Isère\\; ouest : date limite de recours au tribunal "
                + "administratif pour la demande LNT-2026-000123";
        assertThat(unfolded).contains("\r\nSUMMARY:" + title + "\r\n")
                .contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:" + title + "\r\nTRIGGER:-P1D\r\nEND:VALARM\r\n"
                        + "END:VEVENT\r\n");
        assertThat(ics).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void refusesAUidOnSeveralLines() {
        assertThatThrownBy(() -> new IcsEvent("a\r\nb", LocalDate.of(2026, 1, 1), "x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

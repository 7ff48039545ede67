package fr.lanterne.deadlines;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes deadline events as an iCalendar feed (RFC 5545): all-day events, each with a reminder the day before, CRLF
 * line endings, lines folded at 75 octets without splitting a UTF-8 character, text values escaped.
 */
final class IcsCalendar {

    static final String PRODUCT = "-//Lanterne//Delais CRPA//FR";
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final Clock clock;

    /** A calendar with a display name; the clock stamps the events (DTSTAMP, required by RFC 5545). */
    public IcsCalendar(String name, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String write(List<IcsEvent> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODUCT);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "NAME:" + escape(name));
        line(out, "X-WR-CALNAME:" + escape(name));
        String stamp = STAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        for (IcsEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + event.uid());
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.date()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(event.date().plusDays(1)));
            line(out, "SUMMARY:" + escape(event.summary()));
            if (!event.description().isEmpty()) {
                line(out, "DESCRIPTION:" + escape(event.description()));
            }
            // An all-day reminder should not show the volunteer as busy.
            line(out, "TRANSP:TRANSPARENT");
            // A reminder the day before (RFC 5545, 3.6.6: a DISPLAY alarm needs a DESCRIPTION).
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escape(event.summary()));
            line(out, "TRIGGER:-P1D");
            line(out, "END:VALARM");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void line(StringBuilder out, String content) {
        out.append(fold(content)).append(CRLF);
    }

    /** TEXT escaping (RFC 5545, 3.3.11): backslash, semicolon, comma, and line breaks as \n; other controls dropped. */
    static String escape(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || !Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Folds a content line into lines of at most 75 octets, each continuation starting with a space (RFC 5545,
     * 3.1). Cuts fall between code points, so no UTF-8 sequence is split.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int octets = 0;
        int offset = 0;
        while (offset < line.length()) {
            int codePoint = line.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            offset += Character.charCount(codePoint);
        }
        return out.toString();
    }
}

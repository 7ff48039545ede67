package fr.lanterne.ingest;

import org.apache.tika.exception.WriteLimitReachedException;

/**
 * Thrown from inside a parse to end it early (time, pages or characters over their limit). It extends Tika's
 * write-limit exception on purpose: Tika's parsers let that one through the places where they catch and log other
 * exceptions to carry on with the next page, so the parse really stops.
 */
final class StopParsing extends WriteLimitReachedException {

    private final QuarantineReason reason;
    private final String detail;

    StopParsing(QuarantineReason reason, String detail) {
        super(0);
        this.reason = reason;
        this.detail = detail;
    }

    QuarantineReason reason() {
        return reason;
    }

    String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        return reason + ": " + detail;
    }

    static StopParsing findIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StopParsing stop) {
                return stop;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

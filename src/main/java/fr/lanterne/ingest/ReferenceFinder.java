package fr.lanterne.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds request references ({@code LNT-2026-000123}) in a reply, to file it against its request. Lanterne sends each
 * request from a plus-address carrying its reference ({@code demandes+LNT-2026-000123@example.org}), so a reply
 * usually comes back to it (To or Cc) or names it in Reply-To; failing that, town halls often quote the reference in
 * the subject or the body. Spacing and case vary when people retype it ("lnt 2026 000123", "LNT-2026-123"), so those
 * forms are accepted in subjects and bodies and written back in the canonical form.
 */
final class ReferenceFinder {

    private static final Pattern CANONICAL = Pattern.compile("LNT-\\d{4}-\\d{6}");
    private static final Pattern IN_ADDRESS = Pattern.compile("\\+(LNT-\\d{4}-\\d{6})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\p{N}])LNT[\\s\\-_./]{0,2}(\\d{4})[\\s\\-_./]{0,2}(\\d{1,6})(?![\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    static boolean isReference(String text) {
        return CANONICAL.matcher(text).matches();
    }

    /** Every reference in the email, most reliable first, each once (at its most reliable place). */
    public List<ReferenceMatch> find(EmailMessage email) {
        List<ReferenceMatch> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Stream.concat(email.replyTo().stream(), email.to().stream()).forEach(address -> {
            Matcher m = IN_ADDRESS.matcher(address);
            while (m.find()) {
                add(found, seen, m.group(1).toUpperCase(Locale.ROOT), ReferenceMatch.Where.REPLY_ADDRESS);
            }
        });
        inText(email.subject(), ReferenceMatch.Where.SUBJECT, found, seen);
        inText(email.textBody(), ReferenceMatch.Where.BODY, found, seen);
        if (email.textBody() == null) {
            inText(email.htmlBody(), ReferenceMatch.Where.BODY, found, seen);
        }
        return found;
    }

    /** The reference to file the email under: the most reliable one found. */
    public Optional<String> best(EmailMessage email) {
        return find(email).stream().findFirst().map(ReferenceMatch::reference);
    }

    /** References quoted in a document's text (a letter answering "votre demande LNT-2026-000123"). */
    public List<ReferenceMatch> find(String text, ReferenceMatch.Where where) {
        List<ReferenceMatch> found = new ArrayList<>();
        inText(text, where, found, new LinkedHashSet<>());
        return found;
    }

    private static void inText(String text, ReferenceMatch.Where where, List<ReferenceMatch> found, Set<String> seen) {
        if (text == null || !mentionsLnt(text)) {
            return;
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String number = "0".repeat(6 - m.group(2).length()) + m.group(2);
            add(found, seen, "LNT-" + m.group(1) + "-" + number, where);
        }
    }

    /**
     * Whether "LNT" appears at all, in any case: a loop over the characters, so that the pattern (which tries its
     * look-behind at every position) only runs over the few texts that quote a reference.
     */
    static boolean mentionsLnt(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'L' || c == 'l') && (text.charAt(i + 1) | 0x20) == 'n' && (text.charAt(i + 2) | 0x20) == 't') {
                return true;
            }
        }
        return false;
    }

    private static void add(List<ReferenceMatch> found, Set<String> seen, String reference,
            ReferenceMatch.Where where) {
        if (seen.add(reference)) {
            found.add(new ReferenceMatch(reference, where));
        }
    }
}

package fr.lanterne.facts;

/**
 * The sentence around a fact, as written. A sentence ends at ". ", "! ", "? " or "; " before a capital, or at a blank
 * line: a single line break is not an end, for a PDF breaks lines in the middle of sentences.
 */
final class Passages {

    static final int MAX = 400;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Passages() {
    }

    static int sentenceStart(String text, int at) {
        for (int i = Math.min(at, text.length()) - 1; i > 0; i--) {
            if (endsSentence(text, i)) {
                return skipSpaces(text, i + 1);
            }
        }
        return 0;
    }

    static int sentenceEnd(String text, int at) {
        for (int i = Math.max(at, 0); i < text.length(); i++) {
            if (endsSentence(text, i)) {
                return text.charAt(i) == '\n' ? i : i + 1;
            }
        }
        return text.length();
    }

    /** The sentence around [start, end), spaces collapsed, cut around the fact when longer than {@link #MAX}. */
    static String around(String text, int start, int end) {
        int from = sentenceStart(text, start);
        int to = sentenceEnd(text, end);
        if (to - from > MAX) {
            int room = Math.max(0, (MAX - (end - start)) / 2);
            from = Math.max(from, start - room);
            to = Math.min(to, end + room);
            while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
                from++;
            }
            while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
                to--;
            }
        }
        return SPACES.matcher(text.substring(from, to)).replaceAll(" ").strip();
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            // A blank line.
            int j = i + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
                j++;
            }
            return j < text.length() && text.charAt(j) == '\n';
        }
        if (c != '.' && c != '!' && c != '?' && c != ';') {
            return false;
        }
        int j = i + 1;
        if (j >= text.length() || !Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && Character.isUpperCase(text.charAt(j));
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}

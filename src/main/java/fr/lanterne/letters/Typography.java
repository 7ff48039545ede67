package fr.lanterne.letters;

/**
 * French typography for the text volunteers type in templates, applied once when templates load: the space they
 * type before ; : ! ? » and after « becomes a narrow no-break space (so the sign never starts a line), the space
 * before € and after n° a no-break space, and the straight apostrophe a typographic one.
 */
final class Typography {

    static final char NARROW_NBSP = '\u202F';
    static final char NBSP = '\u00A0';

    private Typography() {
    }

    static String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append('’');
            } else if (c == ' ' && i + 1 < text.length() && isSpacedAfter(text.charAt(i + 1))) {
                out.append(NARROW_NBSP);
            } else if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == '€') {
                out.append(NBSP);
            } else if (c == ' ' && i > 0 && text.charAt(i - 1) == '«') {
                out.append(NARROW_NBSP);
            } else if (c == ' ' && i > 1 && text.charAt(i - 1) == '°' && text.charAt(i - 2) == 'n') {
                out.append(NBSP);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpacedAfter(char next) {
        return next == ';' || next == ':' || next == '!' || next == '?' || next == '»';
    }
}

package fr.lanterne.ingest;

import java.text.Normalizer;

/**
 * Text folded for matching: lower case, accents removed, typographic apostrophes and dashes made plain. Folding keeps
 * every character in place (one char in, one char out), so a match in the folded text is at the same offsets in the
 * original.
 */
final class Folding {

    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            TABLE[c] = fold((char) c);
        }
    }

    private Folding() {
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = TABLE[chars[i]];
        }
        return new String(chars);
    }

    private static char fold(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '`', '\u00B4' -> {
                return '\'';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> {
                return '-';
            }
            case '\u00A0', '\u202F', '\u2009' -> {
                return ' ';
            }
            case '\u0153' -> {
                return 'o';
            }
            case '\u00E6' -> {
                return 'a';
            }
            default -> {
                if (Character.isSurrogate(c) || c < 'A') {
                    return c;
                }
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                return Character.toLowerCase(decomposed.charAt(0));
            }
        }
    }
}

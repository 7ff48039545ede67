package fr.lanterne.facts;

import java.text.Normalizer;

/**
 * A page's text and the same folded for matching (lower case, no accents, plain apostrophes, dashes and spaces): one
 * char in, one char out, so a match in the folded text is at the same offsets in the original.
 */
record PageText(int number, String original, String folded) {

    static PageText of(int number, String text) {
        String original = text == null ? "" : text;
        return new PageText(number, original, fold(original));
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    private static char fold(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC' -> {
                return '\'';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> {
                return '-';
            }
            case '\u00A0', '\u202F', '\u2009', '\t' -> {
                return ' ';
            }
            case '\u00BA' -> {
                return '\u00B0'; // "nº" written with the ordinal indicator
            }
            default -> {
                if (c < 128 || !Character.isLetter(c)) {
                    return Character.toLowerCase(c);
                }
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                return Character.toLowerCase(decomposed.charAt(0));
            }
        }
    }
}

package fr.lanterne.authorities;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Folds a name or a query to the form names are searched in: lower case, no accents, ligatures spelled out, every
 * run of punctuation a single space, "st"/"ste" read as "saint"/"sainte". So "Saint-Étienne", "saint etienne" and
 * "ST ETIENNE" all become "saint etienne".
 */
final class SearchText {

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String lower = decomposed.toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
        return Arrays.stream(lower.split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .map(SearchText::expandAbbreviation)
                .collect(Collectors.joining(" "));
    }

    private static String expandAbbreviation(String word) {
        return switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            case "stes" -> "saintes";
            case "sts" -> "saints";
            default -> word;
        };
    }
}

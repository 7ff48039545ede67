package fr.lanterne.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number written before a word ("42 caméras", "quarante-deux caméras", "douze (12) mois", "1 200 capteurs"), read
 * backwards from the word in folded text.
 */
final class FrenchNumbers {

    /** A number found, starting at {@code start} in the text. */
    record Number(long value, int start, boolean inWords) {
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2),
            Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6),
            Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10),
            Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("treize", 13), Map.entry("quatorze", 14),
            Map.entry("quinze", 15), Map.entry("seize", 16), Map.entry("vingt", 20), Map.entry("vingts", 20),
            Map.entry("trente", 30), Map.entry("quarante", 40), Map.entry("cinquante", 50),
            Map.entry("soixante", 60), Map.entry("cent", 100), Map.entry("cents", 100), Map.entry("mille", 1000));

    private static final Pattern DIGITS_AT_END = Pattern.compile("(?<![\\d.,])(\\d{1,3}(?: \\d{3})+|\\d+)\\s*$");
    private static final Pattern PARENTHESISED_AT_END = Pattern.compile("\\(\\s*(\\d+)\\s*\\)\\s*$");
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private FrenchNumbers() {
    }

    /** The number that ends just before {@code end} in folded text, not looking before {@code from}; or null. */
    static Number before(String folded, int from, int end) {
        String head = folded.substring(from, end);
        Matcher parenthesised = PARENTHESISED_AT_END.matcher(head);
        if (parenthesised.find()) {
            long value = Long.parseLong(parenthesised.group(1));
            // "douze (12) mois": the words and the digits say the same; the digits are the value.
            Number words = inWords(folded, from, from + parenthesised.start());
            return new Number(value, words != null && words.value() == value ? words.start()
                    : from + parenthesised.start(), false);
        }
        Matcher digits = DIGITS_AT_END.matcher(head);
        if (digits.find()) {
            return new Number(Long.parseLong(digits.group(1).replace(" ", "")), from + digits.start(1), false);
        }
        return inWords(folded, from, end);
    }

    /** The number in words that ends just before {@code end} ("quarante-deux", "cent vingt"); or null. */
    static Number inWords(String folded, int from, int end) {
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(folded).region(from, end);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        // Only spaces and hyphens between the words taken, and nothing after the last one.
        int last = words.size() - 1;
        if (last < 0 || !folded.substring(words.get(last)[1], end).isBlank()) {
            return null;
        }
        int first = words.size();
        for (int i = last; i >= 0; i--) {
            String w = folded.substring(words.get(i)[0], words.get(i)[1]);
            boolean joined = i == last || folded.substring(words.get(i)[1], words.get(i + 1)[0]).matches("[ -]+");
            if (!joined || !(WORDS.containsKey(w) || w.equals("et") && i < last && i > 0)) {
                break;
            }
            first = i;
        }
        if (first > last) {
            return null;
        }
        if (folded.substring(words.get(first)[0], words.get(first)[1]).equals("et")) {
            first++;
        }
        List<String> run = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            run.add(folded.substring(words.get(i)[0], words.get(i)[1]));
        }
        Long value = parse(run);
        return value == null ? null : new Number(value, words.get(first)[0], true);
    }

    /** The value of French number words ("quatre", "vingt", "dix", "sept" → 97); null if one is not one. */
    static Long parse(List<String> words) {
        long total = 0;
        long current = 0;
        for (String w : words) {
            if (w.equals("et")) {
                continue;
            }
            Integer v = WORDS.get(w);
            if (v == null) {
                return null;
            }
            if (v == 1000) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            } else if (v == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (v == 20 && current % 100 == 4) {
                current += 76; // quatre-vingt: 4 becomes 80
            } else {
                current += v;
            }
        }
        return total + current;
    }
}

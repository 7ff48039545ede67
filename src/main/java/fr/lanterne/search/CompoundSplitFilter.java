package fr.lanterne.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits the closed compounds of the surveillance vocabulary ({@code videoprotection}) into their parts
 * ({@code video}, {@code protection}) at consecutive positions, at index and at query time alike. The tokenizer already
 * splits {@code vidéo-protection} and {@code vidéo protection} into two words, so the three spellings become the same
 * two-token sequence and match each other as words and inside phrases, both ways.
 *
 * <p>Only the prefix and head pairs listed here are split, so that ordinary words that happen to start with a prefix
 * ({@code television}, {@code geometrie}, {@code biologie}) stay whole. Expects lower-cased, accent-folded tokens.
 */
final class CompoundSplitFilter extends TokenFilter {

    /** Prefix → the heads it forms closed compounds with in this domain (folded spellings). */
    static final Map<String, Set<String>> COMPOUNDS = Map.of(
            "video", Set.of("protection", "surveillance", "verbalisation", "analyse", "detection", "patrouille",
                    "camera", "transmission", "projection", "protege", "surveille"),
            "tele", Set.of("surveillance", "protection", "transmission", "detection", "verbalisation", "surveille"),
            "audio", Set.of("surveillance", "protection", "detection"),
            "cyber", Set.of("securite", "surveillance", "attaque"),
            "bio", Set.of("metrie", "metrique"),
            "geo", Set.of("localisation", "localise", "reperage"));

    /** Inflections allowed after a head: plurals and agreement (videoprotections, telesurveillees). */
    private static final List<String> ENDINGS = List.of("", "s", "x", "e", "es");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positions = addAttribute(PositionIncrementAttribute.class);

    private String pendingHead;
    private int pendingStart;
    private int pendingEnd;

    CompoundSplitFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingHead != null) {
            clearAttributes();
            term.setEmpty().append(pendingHead);
            offsets.setOffset(pendingStart, pendingEnd);
            positions.setPositionIncrement(1);
            pendingHead = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        // Most words start with no prefix: compare in the term's buffer, and build a string only for a candidate.
        char[] buffer = term.buffer();
        int length = term.length();
        if (length == 0 || buffer[0] >= FIRST_LETTERS.length || !FIRST_LETTERS[buffer[0]]) {
            return true;
        }
        for (Map.Entry<String, Set<String>> compound : COMPOUNDS.entrySet()) {
            String prefix = compound.getKey();
            if (length > prefix.length() && startsWith(buffer, prefix)) {
                String word = term.toString();
                if (isHead(word.substring(prefix.length()), compound.getValue())) {
                    split(word, prefix.length());
                    return true;
                }
            }
        }
        return true;
    }

    /** The first letters of the prefixes, by character, for a quick "no compound here". */
    private static final boolean[] FIRST_LETTERS = new boolean[128];

    static {
        COMPOUNDS.keySet().forEach(prefix -> FIRST_LETTERS[prefix.charAt(0)] = true);
    }

    private static boolean startsWith(char[] buffer, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHead(String rest, Set<String> heads) {
        for (String ending : ENDINGS) {
            if (rest.endsWith(ending) && heads.contains(rest.substring(0, rest.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Emits the prefix now and keeps the head for the next call, each with the offsets of its own letters. */
    private void split(String word, int at) {
        int start = offsets.startOffset();
        int end = offsets.endOffset();
        // Offsets can only be divided when the source text has as many characters as the term; elision ("l'")
        // sits before the term, so align from the end; anything else (folded ligatures) keeps the whole word's span.
        int boundary;
        if (end - start >= word.length()) {
            start = end - word.length();
            boundary = start + at;
        } else {
            boundary = start;
        }
        term.setEmpty().append(word, 0, at);
        offsets.setOffset(start, boundary == start ? end : boundary);
        pendingHead = word.substring(at);
        pendingStart = boundary == start ? start : boundary;
        pendingEnd = end;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingHead = null;
    }
}

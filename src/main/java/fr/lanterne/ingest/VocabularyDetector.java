package fr.lanterne.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the vendors, products and technologies of a {@link Vocabulary} named in a document, with the pages where
 * they are named. Forms match whole words only ("IBM" is not found in "ibmsoft"), ignoring case and accents, except
 * acronyms written in capitals, which match only in capitals. Where two forms overlap, the longer wins
 * ("vidéosurveillance algorithmique" counts for VSA, not also for CCTV). A vendor whose name is a Roman numeral
 * (XXII) is not counted after words that number things ("article XXII", "chapitre XXII").
 *
 * <p>Thread-safe; build it once per vocabulary.
 */
final class VocabularyDetector {

    /**
     * One way of writing a term. Every match starts with {@code firstWord}: looking for that with
     * {@link String#indexOf} first spares running the pattern, whose look-behind is tried at every position, over
     * the many pages that do not contain it.
     */
    private record Form(int term, Pattern pattern, String firstWord, boolean caseSensitive, boolean romanNumeral) {
    }

    private record Hit(int term, int page, int start, int end, String text) {
    }

    private static final Pattern ROMAN = Pattern.compile("[IVXLCDM]+");
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}°.]+)\\s*$");
    private static final Set<String> NUMBERING_WORDS = Set.of("article", "art.", "articles", "chapitre", "chap.",
            "titre", "annexe", "section", "partie", "tome", "livre", "page", "pages", "point", "alinea", "lot",
            "paragraphe", "siecle", "n°", "no", "louis", "pape", "jean", "benoit", "pie", "leon", "fascicule",
                    "volume");

    private final Vocabulary vocabulary;
    private final List<Form> forms = new ArrayList<>();

    public VocabularyDetector(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<Vocabulary.Term> terms = vocabulary.terms();
        for (int t = 0; t < terms.size(); t++) {
            for (String form : terms.get(t).forms()) {
                forms.add(compile(t, form));
            }
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Mention> detect(Extraction extraction) {
        return detect(extraction.pages().stream().map(Page::text).toList());
    }

    /** Mentions in a text given page by page (page numbers from 1). */
    public List<Mention> detect(List<String> pages) {
        List<Hit> hits = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            hits.addAll(onPage(pages.get(p), p + 1));
        }
        List<Mention> mentions = new ArrayList<>();
        List<Vocabulary.Term> terms = vocabulary.terms();
        for (int t = 0; t < terms.size(); t++) {
            int term = t;
            List<Hit> own = hits.stream().filter(h -> h.term() == term).toList();
            if (own.isEmpty()) {
                continue;
            }
            Vocabulary.Term definition = terms.get(t);
            mentions.add(new Mention(definition.kind(), definition.name(), definition.vendor(),
                    definition.technologies(), List.copyOf(new TreeSet<>(own.stream().map(Hit::page).toList())),
                    own.size(), new LinkedHashSet<>(own.stream().map(Hit::text).toList())));
        }
        mentions.sort(Comparator.comparing(Mention::kind).thenComparing(Mention::name));
        return mentions;
    }

    private List<Hit> onPage(String text, int page) {
        if (text.isEmpty()) {
            return List.of();
        }
        String folded = Folding.fold(text);
        List<Hit> candidates = new ArrayList<>();
        for (Form form : forms) {
            String searched = form.caseSensitive() ? text : folded;
            int first = searched.indexOf(form.firstWord());
            if (first < 0) {
                continue;
            }
            Matcher m = form.pattern().matcher(searched);
            // find(first) searches the whole text from there: the look-behind still sees what comes before.
            for (boolean found = m.find(first); found; found = m.find()) {
                if (form.romanNumeral() && numbered(folded, m.start())) {
                    continue;
                }
                candidates.add(new Hit(form.term(), page, m.start(), m.end(), text.substring(m.start(), m.end())));
            }
        }
        // Longest first at each position, then drop what lies inside a longer hit already kept.
        candidates.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> h.start() - h.end()));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : candidates) {
            boolean inside = kept.stream().anyMatch(k -> k.start() <= hit.start() && hit.end() <= k.end()
                    && (k.end() - k.start()) > (hit.end() - hit.start()));
            if (!inside) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private static boolean numbered(String folded, int start) {
        Matcher before = WORD_BEFORE.matcher(folded.substring(Math.max(0, start - 30), start));
        return before.find() && NUMBERING_WORDS.contains(before.group(1));
    }

    private static Form compile(int term, String form) {
        boolean caseSensitive = form.chars().anyMatch(Character::isLetter)
                && form.equals(form.toUpperCase(Locale.ROOT)) && !form.contains("(s)") && !form.contains("(x)");
        String source = caseSensitive ? form : Folding.fold(form);
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = source.strip().split("[\\s\\-]+");
        String firstWord = "";
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\-]+");
            }
            String word = words[i];
            String plural = "";
            if (word.endsWith("(s)") || word.endsWith("(x)")) {
                plural = word.substring(word.length() - 2, word.length() - 1) + "?";
                word = word.substring(0, word.length() - 3);
            }
            if (i == 0) {
                firstWord = word;
            }
            regex.append(Pattern.quote(word)).append(plural);
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return new Form(term, Pattern.compile(regex.toString()), firstWord, caseSensitive,
                caseSensitive && ROMAN.matcher(form).matches());
    }
}

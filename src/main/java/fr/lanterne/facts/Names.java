package fr.lanterne.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The registry's vendors and products named in a page, case and accents aside; a name of three letters or fewer
 * (an acronym) only in the capitals it is written with.
 */
final class Names {

    /** A vendor or product to look for; {@code vendor} is the vendor of a product. */
    record Term(FactKind kind, String name, String vendor) {
    }

    /** A term and the form searched for: folded, or as written for an acronym. */
    private record Compiled(Term term, String form, boolean exactCase) {
    }

    private final List<Compiled> terms;

    Names(List<Term> terms) {
        List<Compiled> compiled = new ArrayList<>();
        // The longest first: "Briefcam Protect" before "Briefcam" when both are names.
        for (Term term : terms.stream().sorted(Comparator.comparingInt((Term t) -> -t.name().length())).toList()) {
            boolean exactCase = term.name().strip().length() <= 3;
            String form = exactCase ? term.name().strip() : PageText.fold(term.name().strip());
            if (form.isEmpty()) {
                continue;
            }
            compiled.add(new Compiled(term, form, exactCase));
        }
        this.terms = List.copyOf(compiled);
    }

    private static boolean wordChar(String text, int at) {
        return at >= 0 && at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    void find(PageText page, Findings findings) {
        // indexOf, not a pattern per term: with a hundred terms, patterns tried at every offset cost milliseconds.
        for (Compiled c : terms) {
            String text = c.exactCase() ? page.original() : page.folded();
            for (int at = text.indexOf(c.form()); at >= 0; at = text.indexOf(c.form(), at + 1)) {
                int end = at + c.form().length();
                if (!wordChar(text, at - 1) && !wordChar(text, end) && !findings.covers(at)) {
                    findings.add(new Found(c.term().kind(), c.term().name(), null, c.term().vendor(), at, end));
                }
            }
        }
    }
}

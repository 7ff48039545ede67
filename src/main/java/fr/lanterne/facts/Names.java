package fr.lanterne.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's vendors and products named in a page, case and accents aside; a name of three letters or fewer
 * (an acronym) only in the capitals it is written with.
 */
final class Names {

    /** A vendor or product to look for; {@code vendor} is the vendor of a product. */
    record Term(FactKind kind, String name, String vendor) {
    }

    private record Compiled(Term term, Pattern pattern, boolean exactCase) {
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
            compiled.add(new Compiled(term, Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(form)
                    + "(?![\\p{L}\\d])"), exactCase));
        }
        this.terms = List.copyOf(compiled);
    }

    void find(PageText page, Findings findings) {
        for (Compiled c : terms) {
            Matcher m = c.pattern().matcher(c.exactCase() ? page.original() : page.folded());
            while (m.find()) {
                if (!findings.covers(m.start())) {
                    findings.add(new Found(c.term().kind(), c.term().name(), null, c.term().vendor(), m.start(),
                            m.end()));
                }
            }
        }
    }
}

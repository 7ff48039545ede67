package fr.lanterne.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the facts of a document's pages; plain Java, no Spring, so that its rules are tested by tables of cases. */
final class FactExtractor {

    /** A fact read, before it is stored. */
    record Extracted(FactKind kind, String value, String unit, String qualifier, int page, String passage) {
    }

    /** The facts of a document, and how many SIRET or SIREN were set aside for a wrong key. */
    record Result(List<Extracted> facts, int invalidKeys) {
    }

    private final Names names;

    FactExtractor(List<Names.Term> vocabulary) {
        this.names = new Names(vocabulary);
    }

    /** @param pages the pages' texts, page 1 first */
    Result extract(List<String> pages) {
        List<Extracted> facts = new ArrayList<>();
        int invalidKeys = 0;
        for (int i = 0; i < pages.size(); i++) {
            PageText page = PageText.of(i + 1, pages.get(i));
            Findings findings = new Findings();
            Identifiers.find(page, findings);
            LegalBases.find(page, findings);
            Amounts.find(page, findings);
            Dates.find(page, findings);
            Counts.find(page, findings);
            names.find(page, findings);
            invalidKeys += findings.invalidKeys();
            // One fact per page for the same value: the first passage is the one to cite.
            Set<String> seen = new LinkedHashSet<>();
            findings.found().stream().sorted(Comparator.comparingInt(Found::start)).forEach(found -> {
                if (seen.add(found.kind() + "|" + found.value() + "|" + found.unit() + "|" + found.qualifier())) {
                    facts.add(new Extracted(found.kind(), found.value(), found.unit(), found.qualifier(),
                            page.number(), Passages.around(page.original(), found.start(), found.end())));
                }
            });
        }
        return new Result(List.copyOf(facts), invalidKeys);
    }
}

package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the personal data a volunteer will probably want to occult (CRPA L312-1-2): email addresses, French phone
 * numbers, IBAN (mod-97 checked), vehicle plates, names after a title or in signature blocks and lists of agents,
 * private postal addresses, handwritten signatures (images in the signature area), and the saved rules.
 * Plain Java, no state. Where two findings overlap, the more certain wins, in this order: email, IBAN, phone, plate,
 * address, name (so "12 rue Jean Jaurès" is an address, not a name); saved rules are always proposed.
 */
public final class RedactionProposals {

    private static final List<ProposalKind> PRIORITY = List.of(ProposalKind.EMAIL, ProposalKind.IBAN,
            ProposalKind.PHONE, ProposalKind.VEHICLE_PLATE, ProposalKind.POSTAL_ADDRESS, ProposalKind.NAME);

    /** The proposals for these pages, in page and reading order, without duplicates. */
    public List<RedactionProposal> propose(List<PageText> pages, List<SavedRule> rules) {
        List<RedactionProposal> proposals = new ArrayList<>();
        for (PageText page : pages) {
            PageIndex index = new PageIndex(page);
            List<RedactionProposal> onPage = new ArrayList<>();
            for (Finding finding : builtIn(index)) {
                onPage.add(proposal(index, finding));
            }
            for (Finding finding : saved(index, rules)) {
                onPage.add(proposal(index, finding));
            }
            onPage.removeIf(p -> p == null);
            onPage.addAll(SignatureBlocks.signatures(index, page.page() == pages.size()));
            onPage.sort(Comparator.comparing((RedactionProposal p) -> p.boxes().get(0).y())
                    .thenComparing(p -> p.boxes().get(0).x()));
            proposals.addAll(onPage);
        }
        return List.copyOf(new LinkedHashSet<>(proposals));
    }

    /** The same without saved rules. */
    public List<RedactionProposal> propose(List<PageText> pages) {
        return propose(pages, List.of());
    }

    private static List<Finding> builtIn(PageIndex index) {
        List<Finding> all = new ArrayList<>(ContactDetector.find(index));
        all.addAll(AddressDetector.find(index));
        all.addAll(NameDetector.find(index));
        all.addAll(SignatureBlocks.names(index));
        all.sort(Comparator.comparing((Finding f) -> PRIORITY.indexOf(f.kind())).thenComparing(Finding::start));
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : all) {
            if (kept.stream().noneMatch(finding::overlaps)) {
                kept.add(finding);
            }
        }
        return kept;
    }

    private static List<Finding> saved(PageIndex index, List<SavedRule> rules) {
        List<Finding> found = new ArrayList<>();
        for (SavedRule rule : rules) {
            Matcher matcher;
            if (rule.pattern()) {
                matcher = Pattern.compile(rule.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(index.text());
            } else {
                String term = Folded.of(rule.text()).replaceAll("\\s+", " ");
                matcher = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(term).replace(" ", "\\E\\s+\\Q")
                        + "(?![\\p{L}\\d])").matcher(Folded.of(index.text()));
            }
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    found.add(new Finding(ProposalKind.SAVED_RULE, matcher.start(), matcher.end()));
                }
            }
        }
        return found;
    }

    private static RedactionProposal proposal(PageIndex index, Finding finding) {
        int[] words = index.wordsIn(finding.start(), finding.end());
        if (words == null) {
            return null;
        }
        String text = index.text().substring(finding.start(), finding.end()).replace('\n', ' ');
        return new RedactionProposal(finding.kind(), text, index.boxes(words[0], words[1]));
    }
}

package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private postal addresses: a number, a kind of way and its name, then, on the same or the next line, a postal code
 * and a town. An address next to the name of an institution (town hall, préfecture, CADA, a service), or with a
 * post-office box or CEDEX, is the institution's and is not proposed.
 */
final class AddressDetector {

    private static final String WAYS = "rue|avenue|av\\.|boulevard|bd|place|impasse|allée|allee|chemin|route|quai"
            + "|cours|square|passage|résidence|residence|lotissement|hameau|sentier|voie|cité|cite|rond-point"
            + "|faubourg|montée|esplanade|villa|clos|domaine|traverse|ruelle|promenade|parvis|lieu-dit|sente";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\d])\\d{1,4}(?: ?(?:bis|ter|quater|[A-D]))?,? (?:" + WAYS + ")(?![\\p{L}])[^\\n,;]{1,60}"
                    + "(?:(?:,| –| -)? ?\\n?(?:[^\\n\\d]{0,40}\\n)?\\d{5} \\p{Lu}[\\p{L}’' -]*\\p{L})?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INSTITUTION = Pattern.compile("mairie|hotel de ville|prefecture|commune de|ville de"
            + "|conseil|cada|cnil|tribunal|direction|service|gendarmerie|commissariat|police|association|departement"
            + "|region|metropole|communaute|cedex|syndicat|agglomeration|ministere|centre communal|\\bbp\\b|\\bcs\\b"
            + "|republique francaise|defenseur des droits|commission|\\btsa\\b|universite|chambre|agence|caisse");
    /** "le 12 mars 2026 rue Jean Jaurès": a year, not a street number. */
    private static final Pattern DATE_BEFORE = Pattern.compile("(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout"
            + "|septembre|octobre|novembre|decembre|en|depuis|annee) $");

    private AddressDetector() {
    }

    static List<Finding> find(PageIndex page) {
        String text = page.text();
        String folded = Folded.of(text);
        List<Finding> found = new ArrayList<>();
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            int contextStart = startOfLinesBefore(text, address.start(), 2);
            int lineEnd = text.indexOf('\n', address.end());
            String context = folded.substring(contextStart, lineEnd < 0 ? text.length() : lineEnd);
            String before = folded.substring(Math.max(0, address.start() - 12), address.start());
            if (!INSTITUTION.matcher(context).find() && !DATE_BEFORE.matcher(before).find()) {
                found.add(new Finding(ProposalKind.POSTAL_ADDRESS, address.start(), address.end()));
            }
        }
        return found;
    }

    /** Where the text starts {@code lines} lines above the given offset (the start of its own line for 0). */
    private static int startOfLinesBefore(String text, int at, int lines) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1));
        for (int i = 0; i < lines && start > 0; i++) {
            start = text.lastIndexOf('\n', start - 1);
        }
        return start + 1;
    }
}

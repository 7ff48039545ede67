package fr.lanterne.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates ("le 3 mars 2025", "1er avril 2025", "03/03/2025") with the role the sentence gives them (notification,
 * start, end), and durations ("pour une durée de 48 mois", "d'une durée de douze (12) mois", "pendant quatre ans").
 */
final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("janvier", 1),
            Map.entry("fevrier", 2), Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5),
            Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("aout", 8), Map.entry("septembre", 9),
            Map.entry("octobre", 10), Map.entry("novembre", 11), Map.entry("decembre", 12));

    private static final Pattern WRITTEN = Pattern.compile("(?<![\\d])(\\d{1,2})(?:er)?\\s+(janvier|fevrier|mars|avril"
            + "|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\\s+(\\d{4})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.])(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})(?![\\d/])");

    /** Words that give a date its role, the nearest before it winning. */
    private static final List<Map.Entry<Pattern, String>> ROLES = List.of(
            Map.entry(Pattern.compile("notifi"), "NOTIFICATION"),
            Map.entry(Pattern.compile("a compter du|a partir du|debut|commence|prise d'effet|prend effet|demarr"
                    + "|entree en vigueur|mise en service"), "START"),
            Map.entry(Pattern.compile("jusqu'au|(?<![a-z])fin(?![a-z])|expir|echeance|(?<![a-z])terme(?![a-z])"
                    + "|se termine|prendra fin|prend fin"), "END"));

    private static final Pattern DURATION_UNIT = Pattern.compile(
            "(?<![a-z])(mois|ans|an|annees|annee|semaines|semaine|jours|jour)(?![a-z])");
    private static final Pattern DURATION_CUE = Pattern.compile("duree|periode|pendant");

    private Dates() {
    }

    static void find(PageText page, Findings findings) {
        String text = page.folded();
        Matcher written = WRITTEN.matcher(text);
        while (written.find()) {
            add(page, findings, Integer.parseInt(written.group(3)), MONTHS.get(written.group(2)),
                    Integer.parseInt(written.group(1)), written.start(), written.end());
        }
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            add(page, findings, Integer.parseInt(numeric.group(4)), Integer.parseInt(numeric.group(3)),
                    Integer.parseInt(numeric.group(1)), numeric.start(), numeric.end());
        }
        durations(page, findings);
    }

    private static void add(PageText page, Findings findings, int year, int month, int day, int start, int end) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return; // "31/02/2025" is no date
        }
        if (year < 1950 || year > 2100) {
            return;
        }
        findings.add(new Found(FactKind.DATE, date.toString(), null, role(page, start, end), start, end));
    }

    private static String role(PageText page, int start, int end) {
        String text = page.folded();
        int from = Math.max(Passages.sentenceStart(page.original(), start), start - 80);
        String before = text.substring(from, start);
        // "du 1er avril 2025 au 31 mars 2029": a period's two ends.
        if (before.endsWith("du ") && text.substring(end, Math.min(text.length(), end + 6)).startsWith(" au ")) {
            return "START";
        }
        if (before.matches("(?s).*\\d{4} au $") || before.endsWith("jusqu'au ")) {
            return "END";
        }
        String role = null;
        int nearest = -1;
        for (Map.Entry<Pattern, String> cue : ROLES) {
            Matcher m = cue.getKey().matcher(before);
            while (m.find()) {
                if (m.start() > nearest) {
                    nearest = m.start();
                    role = cue.getValue();
                }
            }
        }
        return role;
    }

    private static void durations(PageText page, Findings findings) {
        String text = page.folded();
        Matcher unit = DURATION_UNIT.matcher(text);
        while (unit.find()) {
            int sentence = Passages.sentenceStart(page.original(), unit.start());
            int from = Math.max(sentence, unit.start() - 50);
            FrenchNumbers.Number number = FrenchNumbers.before(text, from, unit.start());
            if (number == null || number.value() <= 0 || number.value() > 1200
                    || !DURATION_CUE.matcher(text.substring(from, number.start())).find()) {
                continue;
            }
            String name = switch (unit.group(1)) {
                case "mois" -> "MONTHS";
                case "an", "ans", "annee", "annees" -> "YEARS";
                case "semaine", "semaines" -> "WEEKS";
                default -> "DAYS";
            };
            findings.add(new Found(FactKind.DURATION, Long.toString(number.value()), name, null, number.start(),
                    unit.end()));
        }
    }
}

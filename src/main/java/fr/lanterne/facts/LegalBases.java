package fr.lanterne.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal texts a document invokes: laws and decrees by number (with the article cited next to them: "article 10
 * de la loi n° 2023-380", "loi n° 2023-380 du 19 mai 2023, art. 10"), prefectoral and municipal orders,
 * deliberations (of the CNIL or of a council), articles of the code de la sécurité intérieure.
 */
final class LegalBases {

    private static final String NUMBER = "\\s*(?:n°|no\\.?|numero)\\s*:?\\s*";
    private static final Pattern LAW = Pattern.compile("(?<![a-z])(loi|decret|ordonnance)" + NUMBER
            + "(\\d{2,4}-\\d{1,5})(?![\\d-])");
    private static final Pattern ARTICLE_AFTER = Pattern.compile(
            "^(?:\\s+du\\s+\\d{1,2}(?:er)?\\s+[a-z]+\\s+\\d{4})?[\\s,]*(?:\\(\\s*)?(?:article|art\\.)\\s*"
                    + "(\\d+(?:-\\d+)*)(?![\\d-])");
    private static final Pattern ARTICLE_BEFORE = Pattern.compile(
            "(?:article|art\\.)\\s*(\\d+(?:-\\d+)*)(?:\\s*,)?\\s+(?:de la|du|de l')\\s*$");
    private static final Pattern ORDER = Pattern.compile("(?<![a-z])arrete (prefectoral|municipal|du maire"
            + "|inter-?prefectoral)" + NUMBER + "([a-z0-9][a-z0-9/._-]{0,40}[a-z0-9])");
    private static final Pattern DELIBERATION = Pattern.compile("(?<![a-z])deliberation(?: de la cnil| cnil)?"
            + NUMBER + "([a-z0-9][a-z0-9/._-]{0,40}\\d[a-z0-9]{0,10})");
    private static final Pattern CSI = Pattern.compile("(?<![a-z])(?:article|art\\.)\\s*l\\.?\\s*(\\d{3}-\\d+(?:-\\d+)?)"
            + "\\s+(?:du\\s+)?(?:code de la securite interieure|csi)(?![a-z])");

    private LegalBases() {
    }

    static void find(PageText page, Findings findings) {
        String text = page.folded();
        String original = page.original();
        Matcher law = LAW.matcher(text);
        while (law.find()) {
            String kind = switch (law.group(1)) {
                case "loi" -> "loi";
                case "decret" -> "décret";
                default -> "ordonnance";
            };
            String value = kind + " n° " + law.group(2);
            String article = article(text, law.start(), law.end());
            findings.add(new Found(FactKind.LEGAL_BASIS, article == null ? value : value + ", article " + article,
                    null, null, law.start(), law.end()));
        }
        Matcher order = ORDER.matcher(text);
        while (order.find()) {
            String by = order.group(1).startsWith("inter") ? "interpréfectoral"
                    : order.group(1).equals("prefectoral") ? "préfectoral" : order.group(1);
            findings.add(new Found(FactKind.LEGAL_BASIS, "arrêté " + by + " n° "
                    + original.substring(order.start(2), order.end(2)), null, null, order.start(), order.end()));
        }
        Matcher deliberation = DELIBERATION.matcher(text);
        while (deliberation.find()) {
            int from = Passages.sentenceStart(original, deliberation.start());
            boolean cnil = text.substring(from, Passages.sentenceEnd(original, deliberation.end())).contains("cnil");
            findings.add(new Found(FactKind.LEGAL_BASIS, (cnil ? "délibération CNIL n° " : "délibération n° ")
                    + original.substring(deliberation.start(1), deliberation.end(1)), null, null,
                    deliberation.start(), deliberation.end()));
        }
        Matcher csi = CSI.matcher(text);
        while (csi.find()) {
            findings.add(new Found(FactKind.LEGAL_BASIS, "CSI L" + csi.group(1), null, null, csi.start(), csi.end()));
        }
    }

    /** The article cited with a law: just after it ("…, art. 10") or just before ("article 10 de la loi…"). */
    private static String article(String text, int start, int end) {
        Matcher after = ARTICLE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 60)));
        if (after.find()) {
            return after.group(1);
        }
        Matcher before = ARTICLE_BEFORE.matcher(text.substring(Math.max(0, start - 40), start));
        return before.find() ? before.group(1) : null;
    }
}

package fr.lanterne.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums of money: "1 234 567,89 €", "12 000 euros hors taxes", "Montant HT : 98 500,00 €", "1,2 M€", with the lot
 * the sentence names before them. A number that does not read as French ("1.234,5.6 €") is not an amount.
 */
final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:[ .]\\d{3})+|\\d+)(?:,(\\d{1,2}))?(?![\\d]|[.,]\\d)"
                    + "\\s*(?:(millions?|milliers?|k|m)\\s*(?:d'euros|de €|€|euros?)|(€|euros?|eur))(?![a-z])"
                    + "(?:\\s*\\(?\\s*(ht|ttc|hors taxes?|h\\.t\\.|t\\.t\\.c\\.|toutes taxes comprises)(?![a-z]))?");
    private static final Pattern TAX_BEFORE = Pattern.compile(
            "(?<![a-z])(ht|ttc|hors taxes?|toutes taxes comprises)(?![a-z])");
    private static final Pattern LOT = Pattern.compile("(?<![a-z])lot\\s*(?:n°|no\\.?|numero)?\\s*(\\d{1,3})(?!\\d)");

    private Amounts() {
    }

    static void find(PageText page, Findings findings) {
        String text = page.folded();
        Matcher m = AMOUNT.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(" ", "").replace(".", "")
                    + (m.group(2) == null ? "" : "." + m.group(2)));
            if (m.group(3) != null) {
                value = value.multiply(switch (m.group(3)) {
                    case "k", "millier", "milliers" -> BigDecimal.valueOf(1_000);
                    default -> BigDecimal.valueOf(1_000_000);
                });
            }
            String tax = m.group(5) != null ? m.group(5) : taxBefore(text, Math.max(previousEnd, m.start() - 40),
                    m.start());
            String unit = tax == null ? "EUR" : tax.startsWith("t") ? "EUR TTC" : "EUR HT";
            findings.add(new Found(FactKind.AMOUNT, value.setScale(2, RoundingMode.HALF_UP).toPlainString(), unit,
                    lot(page, m.start()), m.start(), m.end()));
            previousEnd = m.end();
        }
    }

    /** "Montant HT : 98 500 €": the tax said just before the amount, after any earlier amount. */
    private static String taxBefore(String text, int from, int to) {
        Matcher m = TAX_BEFORE.matcher(text).region(from, to);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** The last lot the sentence names before the amount: "Lot 2 – Caméras : 120 000 € HT". */
    private static String lot(PageText page, int at) {
        Matcher m = LOT.matcher(page.folded()).region(Passages.sentenceStart(page.original(), at), at);
        String last = null;
        while (m.find()) {
            last = "lot " + Integer.parseInt(m.group(1));
        }
        return last;
    }
}

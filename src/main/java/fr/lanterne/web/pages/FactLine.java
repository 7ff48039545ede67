package fr.lanterne.web.pages;

import fr.lanterne.facts.Fact;
import fr.lanterne.shared.FrenchDates;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A fact as the document page shows it.
 *
 * @param shown       its value as a reader writes it ("1 234 567,89 € HT", "3 mars 2025"), or null when the page
 *                    words it from {@code count} and its unit
 * @param count       the number of a duration or a count, for its plural
 * @param confirmable whether it can be written into a deployment
 */
record FactLine(Fact fact, String shown, Long count, boolean confirmable) {

    private static final Set<String> CONFIRMABLE = Set.of("VENDOR", "PRODUCT", "AMOUNT", "CAMERA_COUNT");

    static FactLine of(Fact fact) {
        return switch (fact.kind()) {
            case AMOUNT -> new FactLine(fact, amount(new BigDecimal(fact.value())) + " "
                    + fact.unit().replace("EUR", "€"), null, true);
            case DATE -> new FactLine(fact, FrenchDates.format(LocalDate.parse(fact.value())), null,
                    !"END".equals(fact.qualifier()) && !"NOTIFICATION".equals(fact.qualifier()));
            case DURATION, CAMERA_COUNT, SENSOR_COUNT -> new FactLine(fact, null, Long.valueOf(fact.value()),
                    CONFIRMABLE.contains(fact.kind().name()));
            default -> new FactLine(fact, fact.value(), null, CONFIRMABLE.contains(fact.kind().name()));
        };
    }

    private static String amount(BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u202F');
        DecimalFormat format = new DecimalFormat(value.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0",
                symbols);
        return format.format(value);
    }
}

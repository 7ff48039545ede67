package fr.lanterne.search;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Technology;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a search is restricted to. Every criterion is optional; several values of one criterion are alternatives (13
 * or 84), different criteria must all hold (13 and Briefcam).
 *
 * @param departements département codes (13, 2A, 974)
 * @param communes INSEE codes of communes
 * @param regions région codes (93)
 * @param vendors vendor names, case and accents ignored, otherwise exact: "briefcam" matches Briefcam, "Brief" does not
 * @param kinds document kinds (DELIBERATION, IMPACT_ASSESSMENT...), case ignored
 * @param years years the document was received
 * @param receivedFrom received on or after that date
 * @param receivedTo received on or before that date
 */
record SearchFilters(List<String> departements, List<String> communes, List<String> regions,
                            List<Technology> technologies, List<String> vendors, List<String> kinds,
                            List<Integer> years, LocalDate receivedFrom, LocalDate receivedTo, Long campaignId) {

    static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null, null, null);

    SearchFilters {
        departements = clean(departements).stream().map(d -> d.toUpperCase(Locale.ROOT)).toList();
        for (String departement : departements) {
            if (!departement.matches("\\d{2}|2[AB]|9[78]\\d")) {
                throw new InvalidInputException("« " + departement
                        + " » n'est pas un code de département (exemples : 06, 2A, 974).");
            }
        }
        communes = clean(communes).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        for (String insee : communes) {
            if (!insee.matches("\\d{5}|2[AB]\\d{3}")) {
                throw new InvalidInputException("« " + insee
                        + " » n'est pas un code INSEE de commune (cinq caractères, par exemple 13055 ou 2A004).");
            }
        }
        regions = clean(regions);
        for (String region : regions) {
            if (!region.matches("\\d{2}")) {
                throw new InvalidInputException("« " + region + " » n'est pas un code de région (exemples : 11, 93).");
            }
        }
        technologies = technologies == null ? List.of()
                : technologies.stream().filter(Objects::nonNull).distinct().toList();
        vendors = clean(vendors);
        kinds = clean(kinds).stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
        years = years == null ? List.of() : years.stream().filter(Objects::nonNull).distinct().toList();
        for (int year : years) {
            if (year < 1900 || year > 2100) {
                throw new InvalidInputException("« " + year + " » n'est pas une année plausible de réception.");
            }
        }
        if (receivedFrom != null && receivedTo != null && receivedFrom.isAfter(receivedTo)) {
            throw new InvalidInputException("La date de début (" + receivedFrom
                    + ") est postérieure à la date de fin (" + receivedTo + ").");
        }
    }

    /** Whether nothing is filtered. */
    boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Reads a technology as a person or a client may write it: its code (CCTV, facial_recognition) or its French
     * name (vidéoprotection, « reconnaissance faciale »), case and accents ignored.
     */
    static Technology technology(String value) {
        String wanted = PageFields.key(value);
        for (Technology technology : Technology.values()) {
            if (PageFields.key(technology.name()).equals(wanted) || PageFields.key(technology.label()).equals(wanted)) {
                return technology;
            }
        }
        throw new InvalidInputException("Technologie inconnue : « " + value + " ». Valeurs possibles : "
                + String.join(", ", java.util.Arrays.stream(Technology.values()).map(Enum::name).toList()) + ".");
    }

    /** Reads a year typed as text, with a sentence for the researcher when it is not one. */
    static int year(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("« " + value + " » n'est pas une année (exemple : 2021).");
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}

package fr.lanterne.settings;

import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A French postal address, one line per address line, as on an envelope: at most {@value #MAX_LINES} lines of at
 * most {@value #MAX_LINE_LENGTH} characters (the name takes the first of the six lines of the French postal standard
 * NF Z10-011), one of them the postal code and the town ("75002 Paris", "06364 Nice Cedex 4").
 */
public record PostalAddress(List<String> lines) {

    public static final int MAX_LINES = 5;
    public static final int MAX_LINE_LENGTH = 38;
    /** The longest address as stored: every line, with a line break between two. */
    public static final int MAX_LENGTH = MAX_LINES * (MAX_LINE_LENGTH + 1) - 1;

    private static final Pattern TOWN_LINE = Pattern.compile("\\d{5} +\\p{L}.*");

    public PostalAddress {
        lines = List.copyOf(lines);
        String problem = problem(lines).orElse(null);
        if (problem != null) {
            throw new InvalidInputException(problem, Map.of());
        }
    }

    /**
     * An address typed in a text area (one line per line) or on one line with " / " between lines, as the
     * configuration file and the command line write it.
     */
    public static PostalAddress parse(String text) {
        return new PostalAddress(split(text));
    }

    /** What is wrong with an address as typed, in a sentence; empty when it is a valid address. */
    public static Optional<String> problem(String text) {
        return problem(split(text));
    }

    /** The address as stored and as letters print it: lines joined by line breaks. */
    public String text() {
        return String.join("\n", lines);
    }

    /** On one line, for a sentence ("1 rue de la Paix, 75002 Paris"). */
    public String oneLine() {
        return String.join(", ", lines);
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.replace("\r", "").replace(" / ", "\n").split("\n")) {
            String stripped = line.strip().replaceAll("\\s+", " ");
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    private static Optional<String> problem(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.of("L’adresse est obligatoire : le numéro et la voie, puis le code postal et la commune "
                    + "(« 75002 Paris »).");
        }
        if (lines.size() > MAX_LINES) {
            return Optional.of("L’adresse a " + lines.size() + " lignes : " + MAX_LINES + " au plus, comme sur une "
                    + "enveloppe.");
        }
        for (String line : lines) {
            if (line.length() > MAX_LINE_LENGTH) {
                return Optional.of("La ligne « " + line + " » a " + line.length() + " caractères : "
                        + MAX_LINE_LENGTH + " au plus par ligne (norme postale NF Z10-011). Coupez-la en deux lignes.");
            }
        }
        if (lines.stream().noneMatch(line -> TOWN_LINE.matcher(line).matches())) {
            return Optional.of("Il manque la ligne du code postal et de la commune : cinq chiffres, une espace, puis "
                    + "la commune (« 75002 Paris »), sur une ligne à elle.");
        }
        return Optional.empty();
    }
}

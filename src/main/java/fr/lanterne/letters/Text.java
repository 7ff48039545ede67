package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Checks and cleans the free text that goes into a letter (names, addresses, places). */
final class Text {

    private Text() {
    }

    /**
     * NFC form (a decomposed "é" from a copy-paste becomes one character the font has), tabs and odd spaces as
     * plain spaces, line ends as \n, other control characters refused: they would print as nothing or as boxes.
     */
    static String clean(String value, String field) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (c == '\t') {
                replacement = ' ';
            } else if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    replacement = 0;
                } else {
                    replacement = '\n';
                }
            } else if (c != '\n' && Character.isISOControl(c)) {
                throw new InvalidInputException("« " + field + " » contient un caractère de contrôle (U+"
                        + String.format("%04X", (int) c) + ") qui ne peut pas être imprimé : retirez-le.");
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && replacement != 0) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A required one-line value: trimmed, not blank, at most {@code max} characters. */
    static String line(String value, String field, int max) {
        String text = clean(value, field);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("« " + field + " » est obligatoire.");
        }
        text = text.strip();
        if (text.indexOf('\n') >= 0) {
            throw new InvalidInputException("« " + field + " » doit tenir sur une seule ligne.");
        }
        if (text.length() > max) {
            throw new InvalidInputException("« " + field + " » est trop long (" + max + " caractères au plus).");
        }
        return text;
    }

    /** An optional one-line value: null when blank. */
    static String optionalLine(String value, String field, int max) {
        return value == null || value.isBlank() ? null : line(value, field, max);
    }

    /** An optional postal address: one line per address line, blank lines dropped, null when empty. */
    static String address(String value, String field, int maxLines) {
        String text = clean(value, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (lines.size() > maxLines) {
            throw new InvalidInputException("« " + field + " » a " + lines.size() + " lignes : " + maxLines
                    + " au plus, comme sur une enveloppe.");
        }
        for (String line : lines) {
            if (line.length() > 100) {
                throw new InvalidInputException("Une ligne de « " + field + " » est trop longue (100 caractères au plus).");
            }
        }
        return String.join("\n", lines);
    }

    static List<String> lines(String multiline) {
        return multiline == null ? List.of() : List.of(multiline.split("\n"));
    }
}

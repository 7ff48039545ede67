package fr.lanterne.publish;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule a volunteer saves for every document: a term (a name, matched whole-word, ignoring case and accents) or a
 * regular expression (Java syntax, matched against the page's words joined by single spaces, ignoring case).
 */
public record SavedRule(String text, boolean pattern) {

    public SavedRule {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty rule would match everything");
        }
        if (pattern) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + text, e);
            }
        }
    }

    public static SavedRule term(String text) {
        return new SavedRule(text, false);
    }

    public static SavedRule regex(String text) {
        return new SavedRule(text, true);
    }
}

package fr.lanterne.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picocli's messages for a wrong command line, in French. Picocli writes them in English and has no bundle for them;
 * the ones a person meets (an unknown command or option, a missing or wrong value) are translated here, the
 * quoted names kept as typed. A message not listed stays as picocli wrote it rather than being lost.
 */
final class UsageErrors {

    private static final Map<Pattern, String> FRENCH = new LinkedHashMap<>();

    static {
        french("^Unmatched arguments? from index (\\d+): (.*)$",
                "Argument inattendu (à partir de la position $1) : $2");
        french("^Unmatched argument at index (\\d+): (.*)$", "Argument inattendu (position $1) : $2");
        french("^Unknown options?: (.*)$", "Option inconnue : $1");
        french("^Missing required options and parameters: (.*)$", "Options et paramètres obligatoires manquants : $1");
        french("^Missing required options: (.*)$", "Options obligatoires manquantes : $1");
        french("^Missing required option: (.*)$", "Option obligatoire manquante : $1");
        french("^Missing required parameters: (.*)$", "Paramètres obligatoires manquants : $1");
        french("^Missing required parameter: (.*)$", "Paramètre obligatoire manquant : $1");
        french("^Missing required parameter for option (.*)$", "Valeur manquante pour l’option $1");
        french("^Invalid value for option (.*?): expected one of (\\[.*\\]) \\(case-insensitive\\) but was (.*)$",
                "Valeur invalide pour l’option $1 : attendu l’une de $2 (majuscules ou minuscules), reçu $3");
        french("^Invalid value for option (.*?): expected one of (\\[.*\\]) but was (.*)$",
                "Valeur invalide pour l’option $1 : attendu l’une de $2, reçu $3");
        french("^Invalid value for option (.*?): (.*) is not an? (int|long|integer)$",
                "Valeur invalide pour l’option $1 : $2 n’est pas un nombre entier");
        french("^Invalid value for positional parameter at index \\d+ \\((.*)\\): (.*) is not an? (int|long|integer)$",
                "Valeur invalide pour $1 : $2 n’est pas un nombre entier");
        french("^Invalid value for option (.*?): (.*)$", "Valeur invalide pour l’option $1 : $2");
        french("^Did you mean: (.*)\\?$", "Vouliez-vous dire : $1 ?");
    }

    private UsageErrors() {
    }

    private static void french(String english, String french) {
        FRENCH.put(Pattern.compile(english), french);
    }

    /** The message, line by line, in French where picocli's wording is known. */
    static String inFrench(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R", -1)) {
            if (!out.isEmpty()) {
                out.append(System.lineSeparator());
            }
            out.append(translate(line));
        }
        return out.toString();
    }

    private static String translate(String line) {
        for (Map.Entry<Pattern, String> entry : FRENCH.entrySet()) {
            Matcher matcher = entry.getKey().matcher(line);
            if (matcher.matches()) {
                return matcher.replaceFirst(entry.getValue());
            }
        }
        return line;
    }
}

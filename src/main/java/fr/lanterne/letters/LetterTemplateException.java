package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A template file that cannot be used as it is: the message names the file and, where it can, the line. */
final class LetterTemplateException extends InvalidInputException {

    private LetterTemplateException(String message, Map<String, Object> details) {
        super(message, details);
    }

    static LetterTemplateException at(String file, int line, String problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", file);
        if (line > 0) {
            details.put("line", line);
        }
        return new LetterTemplateException(file + (line > 0 ? ", ligne " + line : "") + " : " + problem, details);
    }

    static LetterTemplateException in(String file, String problem) {
        return at(file, 0, problem);
    }
}

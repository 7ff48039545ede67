package fr.lanterne.authorities;

import fr.lanterne.shared.FrenchCount;
import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The town-hall contacts read from one file, checked before anything is written.
 *
 * @param format the name of the format, for the report
 * @param source which kind of source the file is
 * @param read the lines read (the entries, for a JSON file)
 * @param contacts one per commune (the main town hall when the file lists several)
 * @param skipped entries deliberately left out (not a town hall, commune unknown), with the reason
 */
record ContactFile(String format, ContactSource source, int read, List<Line> contacts, List<String> skipped) {

    /**
     * @param line where the entry starts in the file (1 is the first line)
     * @param preference among several entries for one commune, the highest is kept
     */
    record Line(int line, String insee, ContactDetails details, String reference, LocalDate sourceDate,
                int preference) {
    }

    /** Collects the problems of a file so that all of them are reported at once, then refuses the whole file. */
    static final class Problems {
        private static final int SHOWN = 30;
        private final String file;
        private final List<String> problems = new ArrayList<>();
        private final List<ContactImportProblem> lines = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(int line, String problem) {
            problems.add("ligne " + line + " : " + problem);
            lines.add(new ContactImportProblem(line, problem));
        }

        void throwIfAny() {
            if (problems.isEmpty()) {
                return;
            }
            StringBuilder message = new StringBuilder("Le fichier " + file + " n'a pas été importé (rien n'a été "
                    + "enregistré) : " + FrenchCount.of(problems.size(), "erreur", "erreurs") + ".");
            problems.stream().limit(SHOWN).forEach(p -> message.append("\n  ").append(p));
            if (problems.size() > SHOWN) {
                message.append("\n  … et ").append(problems.size() - SHOWN).append(" autres.");
            }
            // "errors" as sentences for API clients; "problems" line by line, for the import page.
            throw new InvalidInputException(message.toString(), java.util.Map.of("errors", List.copyOf(problems),
                    "problems", List.copyOf(lines)));
        }
    }
}

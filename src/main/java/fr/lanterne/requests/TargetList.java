package fr.lanterne.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A campaign's list of recipients as people supply it: a CSV file or pasted text, one INSEE code (the commune's town
 * hall) or authority code ({@code prefecture-06}, {@code ratp}) per line, in the first column. A header line, blank
 * lines, quotes and a byte-order mark are ignored. Every line that is not a code is reported with its number, so
 * that all mistakes can be fixed at once.
 *
 * @param lines the codes found, each with its line number
 * @param problems the lines that are not codes
 */
public record TargetList(List<Line> lines, List<Problem> problems) {

    /** Letters, digits and dashes: INSEE codes (06088, 2A004) and authority codes (mairie-06088, prefecture-2a). */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{1,59}");
    private static final Pattern HEADER = Pattern.compile("insee|code|code_insee|authority|organisme");

    /** A code and the line it was read from (counting from 1). */
    public record Line(int number, String code) {
    }

    /**
     * A line that cannot be used.
     *
     * @param sentence what is wrong, starting with the line ("ligne 3 : « 1 2 » n'est ni un code INSEE ni un code
     *                 d'organisme.")
     */
    public record Problem(int line, String sentence) {

        /** A line that is not a code, or (known) a code of no commune nor authority. */
        static Problem notACode(int line, String text, boolean known) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            return new Problem(line, "ligne " + line + " : « " + shown + " » n'est ni un code INSEE ni un code "
                    + "d'organisme" + (known ? " connu" : "") + ".");
        }
    }

    public TargetList {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    public static TargetList parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (text == null) {
            return new TargetList(lines, problems);
        }
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            String first = rows[i].split("[,;\\t]", -1)[0].replace("\"", "").replace("\uFEFF", "").strip();
            if (first.isEmpty() || i == 0 && HEADER.matcher(first.toLowerCase(Locale.ROOT)).matches()) {
                continue;
            }
            if (CODE.matcher(first).matches()) {
                lines.add(new Line(i + 1, first));
            } else {
                problems.add(Problem.notACode(i + 1, first, false));
            }
        }
        return new TargetList(lines, problems);
    }

    public List<String> codes() {
        return lines.stream().map(Line::code).toList();
    }

    /** What is wrong with the list, one sentence per line. */
    public List<String> errors() {
        return problems.stream().map(Problem::sentence).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty() && problems.isEmpty();
    }
}

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
 * @param errors one sentence per line that is not a code ("ligne 3 : « 1 2 » n'est ni un code INSEE ni un code
 *               d'organisme.")
 */
public record TargetList(List<Line> lines, List<String> errors) {

    /** Letters, digits and dashes: INSEE codes (06088, 2A004) and authority codes (mairie-06088, prefecture-2a). */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{1,59}");
    private static final Pattern HEADER = Pattern.compile("insee|code|code_insee|authority|organisme");

    /** A code and the line it was read from (counting from 1). */
    public record Line(int number, String code) {
    }

    public TargetList {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    public static TargetList parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (text == null) {
            return new TargetList(lines, errors);
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
                errors.add(notACode(i + 1, first, false));
            }
        }
        return new TargetList(lines, errors);
    }

    public List<String> codes() {
        return lines.stream().map(Line::code).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty() && errors.isEmpty();
    }

    /** The sentence for a line that is not a code, or (known) a code of no commune nor authority. */
    static String notACode(int line, String text, boolean known) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "ligne " + line + " : « " + shown + " » n'est ni un code INSEE ni un code d'organisme"
                + (known ? " connu" : "") + ".";
    }
}

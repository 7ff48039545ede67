package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The list volunteers keep by hand: a comma-separated file with the header {@code insee,email,postal_address,source},
 * and optionally {@code prada_address}: where the PRADA receives the requests (CRPA R330-4).
 * Every line must name a valid INSEE code and give an email or a postal address (address lines separated by
 * line breaks inside quotes, or by " / "); {@code source} says where the volunteer found it.
 */
final class VolunteerContactList {

    static final List<String> COLUMNS = List.of("insee", "email", "postal_address", "source");

    private VolunteerContactList() {
    }

    static boolean looksLike(String header) {
        List<String> names = List.of(header.toLowerCase(Locale.ROOT).replace("\"", "").split(","));
        return names.stream().map(String::strip).toList().containsAll(List.of("insee", "email"))
                || names.stream().map(String::strip).toList().containsAll(List.of("insee", "postal_address"));
    }

    static ContactFile read(String fileName, Reader reader) {
        return read(fileName, reader, 0, ContactImportProgress.NONE);
    }

    /** @param total how many lines the file has, for the progress */
    static ContactFile read(String fileName, Reader reader, int total, ContactImportProgress progress) {
        ContactFile.Problems problems = new ContactFile.Problems(fileName);
        List<ContactFile.Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        long lastLine = 0;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> missing = COLUMNS.stream()
                    .filter(c -> !c.equals("source") && !parser.getHeaderMap().containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("Le fichier " + fileName + " doit commencer par la ligne d'en-tête "
                        + "« insee,email,postal_address,source » ; il manque : " + String.join(", ", missing) + ".");
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(line, "ligne CSV illisible (" + e.getMessage() + ") ; la lecture s'arrête là.");
                    break;
                }
                readLine(fileName, record, line, problems, seen).ifPresent(lines::add);
                lastLine = parser.getCurrentLineNumber();
                progress.read((int) lastLine, total);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + fileName + " : " + e.getMessage());
        }
        problems.throwIfAny();
        return new ContactFile("liste des bénévoles (CSV insee,email,postal_address,source[,prada_address])",
                ContactSource.VOLUNTEER_LIST, (int) lastLine, lines, List.of());
    }

    private static java.util.Optional<ContactFile.Line> readLine(String fileName, CSVRecord record, int line,
                                                                 ContactFile.Problems problems,
                                                                 Map<String, Integer> seen) {
        if (!record.isConsistent()) {
            problems.add(line, record.size() + " colonnes au lieu de " + record.getParser().getHeaderNames().size()
                    + " (une virgule dans une adresse ? mettez l'adresse entre guillemets).");
            return java.util.Optional.empty();
        }
        String insee = get(record, "insee").toUpperCase(Locale.ROOT);
        if (!InseeCode.isValid(insee)) {
            problems.add(line, "code INSEE « " + insee + " » invalide (cinq chiffres, ou 2A/2B et trois chiffres).");
            return java.util.Optional.empty();
        }
        Integer previous = seen.putIfAbsent(insee, line);
        if (previous != null) {
            problems.add(line, "la commune " + insee + " figure déjà ligne " + previous + ".");
            return java.util.Optional.empty();
        }
        try {
            ContactDetails details = new ContactDetails(get(record, "email"), get(record, "postal_address"), null,
                    null, get(record, "prada_address"));
            String source = get(record, "source");
            String reference = source.isEmpty() ? fileName : fileName + " : " + source;
            return java.util.Optional.of(new ContactFile.Line(line, insee, details, reference, null, 0));
        } catch (InvalidInputException e) {
            problems.add(line, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static String get(CSVRecord record, String column) {
        return record.isMapped(column) && record.get(column) != null ? record.get(column).strip() : "";
    }
}

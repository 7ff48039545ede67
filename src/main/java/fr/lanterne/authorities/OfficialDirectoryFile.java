package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official directory of public services ("Annuaire de l'administration", Service-Public.fr / DILA, Licence
 * Ouverte 2.0), as its users download it: the OpenDataSoft export of the dataset {@code api-lannuaire-administration}
 * filtered on town halls, in CSV ({@code ;}-separated, with JSON inside some cells) or JSON; also DILA's own JSON
 * dump ({@code {"service": [...]}}). Only town-hall entries are kept; where a commune has several (mairie déléguée,
 * annexe), the main town hall wins.
 */
final class OfficialDirectoryFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SECONDARY_WORDS = List.of("deleguee", "annexe", "quartier", "arrondissement",
            "secteur", "antenne", "agence postale", "bureau municipal");

    private OfficialDirectoryFile() {
    }

    static boolean looksLikeCsv(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return lower.contains(";") && lower.contains("pivot");
    }

    static ContactFile readCsv(String fileName, Reader reader) {
        return readCsv(fileName, reader, 0, ContactImportProgress.NONE);
    }

    /** @param lines how many lines the file has, for the progress */
    static ContactFile readCsv(String fileName, Reader reader, int lines, ContactImportProgress progress) {
        ContactFile.Problems problems = new ContactFile.Problems(fileName);
        List<String> skipped = new ArrayList<>();
        Map<String, ContactFile.Line> best = new LinkedHashMap<>();
        long lastLine = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.replace("\uFEFF", "").strip(), index));
            List<String> missing = List.of("pivot", "nom").stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("Le fichier " + fileName + " ne ressemble pas à l'export de "
                        + "l'Annuaire de l'administration : "
                        + (missing.size() == 1 ? "colonne manquante " : "colonnes manquantes ")
                        + String.join(", ", missing) + ".");
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
                ObjectNode entry = JSON.createObjectNode();
                header.forEach((name, index) -> {
                    if (index < record.size()) {
                        entry.put(name, record.get(index));
                    }
                });
                readEntry(entry, line, problems, skipped, line2 -> keepBest(best, line2));
                lastLine = parser.getCurrentLineNumber();
                progress.read((int) lastLine, lines);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + fileName + " : " + e.getMessage());
        }
        problems.throwIfAny();
        return new ContactFile("Annuaire de l'administration (export CSV)", ContactSource.OFFICIAL_DIRECTORY,
                (int) lastLine, List.copyOf(best.values()), skipped);
    }

    static ContactFile readJson(String fileName, Reader reader) {
        return readJson(fileName, reader, ContactImportProgress.NONE);
    }

    static ContactFile readJson(String fileName, Reader reader, ContactImportProgress progress) {
        JsonNode root;
        try {
            root = JSON.readTree(reader);
        } catch (JacksonException e) {
            throw new InvalidInputException("Le fichier " + fileName + " n'est pas du JSON valide (ligne "
                    + e.getLocation().getLineNr() + ") : " + e.getOriginalMessage());
        }
        JsonNode entries = root.isArray() ? root
                : root.has("service") ? root.get("service")
                : root.has("results") ? root.get("results")
                : null;
        if (entries == null || !entries.isArray()) {
            throw new InvalidInputException("Le fichier " + fileName + " ne ressemble pas à l'export JSON de l'Annuaire "
                    + "de l'administration : il faut une liste d'entrées (ou un objet avec « service » ou « results »).");
        }
        ContactFile.Problems problems = new ContactFile.Problems(fileName);
        List<String> skipped = new ArrayList<>();
        Map<String, ContactFile.Line> best = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            // JSON has no useful line numbers once parsed: report the entry's position instead.
            readEntry(entry, index, problems, skipped, line -> keepBest(best, line));
            progress.read(index, entries.size());
        }
        problems.throwIfAny();
        return new ContactFile("Annuaire de l'administration (export JSON ; n° d'entrée au lieu de n° de ligne)",
                ContactSource.OFFICIAL_DIRECTORY, index, List.copyOf(best.values()), skipped);
    }

    private static void keepBest(Map<String, ContactFile.Line> best, ContactFile.Line line) {
        best.merge(line.insee(), line, (a, b) -> {
            if (a.preference() != b.preference()) {
                return a.preference() > b.preference() ? a : b;
            }
            LocalDate da = a.sourceDate() == null ? LocalDate.MIN : a.sourceDate();
            LocalDate db = b.sourceDate() == null ? LocalDate.MIN : b.sourceDate();
            return db.isAfter(da) ? b : a;
        });
    }

    private static void readEntry(JsonNode entry, int line, ContactFile.Problems problems, List<String> skipped,
                                  Consumer<ContactFile.Line> accept) {
        String name = text(entry, "nom");
        Optional<JsonNode> pivot;
        Optional<JsonNode> addresses;
        try {
            pivot = structured(entry, "pivot");
            addresses = structured(entry, "adresse");
        } catch (JacksonException e) {
            problems.add(line, "contenu JSON illisible dans une cellule (" + e.getOriginalMessage() + ").");
            return;
        }
        List<String> codes = new ArrayList<>();
        boolean townHall = false;
        if (pivot.isPresent() && pivot.get().isArray()) {
            for (JsonNode p : pivot.get()) {
                if ("mairie".equals(text(p, "type_service_local"))) {
                    townHall = true;
                    JsonNode inseeCodes = p.get("code_insee_commune");
                    if (inseeCodes != null && inseeCodes.isArray()) {
                        inseeCodes.forEach(code -> codes.add(code.asString()));
                    } else if (inseeCodes != null && !inseeCodes.isNull()) {
                        codes.add(inseeCodes.asString());
                    }
                }
            }
        }
        if (!townHall) {
            skipped.add("ligne " + line + " : « " + name + " » n'est pas une mairie.");
            return;
        }
        String topLevelCode = text(entry, "code_insee_commune");
        if (codes.isEmpty() && topLevelCode != null) {
            codes.add(topLevelCode);
        }
        if (codes.isEmpty()) {
            skipped.add("ligne " + line + " : « " + name + " » n'a pas de code INSEE.");
            return;
        }
        String email = firstEmail(entry);
        String address = addresses.map(OfficialDirectoryFile::postalAddress).orElse(null);
        ContactDetails details;
        try {
            details = new ContactDetails(email, address, firstValue(entry, "telephone"), firstValue(entry, "site_internet"));
        } catch (InvalidInputException e) {
            if (email != null && address != null) {
                skipped.add("ligne " + line + " : adresse électronique « " + email + " » invalide, ignorée.");
                details = new ContactDetails(null, address, null, null);
            } else {
                skipped.add("ligne " + line + " : « " + name + " » : " + e.getMessage());
                return;
            }
        }
        LocalDate modified = date(text(entry, "date_modification"));
        String id = text(entry, "id");
        String reference = "Service-Public.fr / DILA, Annuaire de l'administration" + (id == null ? "" : ", fiche " + id);
        int preference = preference(name);
        for (String code : codes) {
            String insee = code.strip().toUpperCase(Locale.ROOT);
            if (!InseeCode.isValid(insee)) {
                skipped.add("ligne " + line + " : code INSEE « " + code + " » invalide.");
                continue;
            }
            accept.accept(new ContactFile.Line(line, insee, details, reference, modified,
                    preference + (insee.equals(topLevelCode) ? 1 : 0)));
        }
    }

    /** The main town hall ("Mairie - Nice") beats a "Mairie déléguée" or an "Annexe de la mairie". */
    private static int preference(String name) {
        String folded = SearchText.fold(name == null ? "" : name);
        return SECONDARY_WORDS.stream().anyMatch(folded::contains) ? 0 : 10;
    }

    /** A cell holds JSON as text in the CSV export and as structure in the JSON exports. */
    private static Optional<JsonNode> structured(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            String text = node.asString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(text));
        }
        return Optional.of(node);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return value.isEmpty() ? null : value.get(0).asString();
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstEmail(JsonNode entry) {
        String emails = text(entry, "adresse_courriel");
        if (emails == null) {
            return null;
        }
        return List.of(emails.split("[;,\\s]+")).stream().filter(e -> e.contains("@")).findFirst().orElse(emails);
    }

    /** {@code telephone} and {@code site_internet} are lists of {@code {"valeur": ...}}. */
    private static String firstValue(JsonNode entry, String field) {
        try {
            return structured(entry, field)
                    .filter(JsonNode::isArray)
                    .filter(list -> !list.isEmpty())
                    .map(list -> text(list.get(0), "valeur"))
                    .orElse(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Prefers the postal address ("Adresse postale") to the street address, as letters go by post. */
    private static String postalAddress(JsonNode addresses) {
        if (!addresses.isArray() || addresses.isEmpty()) {
            return null;
        }
        JsonNode chosen = addresses.get(0);
        for (JsonNode address : addresses) {
            String type = text(address, "type_adresse");
            if (type != null && type.toLowerCase(Locale.ROOT).contains("postale")) {
                chosen = address;
                break;
            }
        }
        List<String> lines = new ArrayList<>();
        for (String field : List.of("complement1", "complement2", "numero_voie", "service_distribution")) {
            String value = text(chosen, field);
            if (value != null) {
                lines.add(value);
            }
        }
        String postalCode = text(chosen, "code_postal");
        String town = text(chosen, "nom_commune");
        String last = ((postalCode == null ? "" : postalCode) + " " + (town == null ? "" : town)).strip();
        if (!last.isEmpty()) {
            lines.add(last);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

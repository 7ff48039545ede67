package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports town-hall contacts from a file, recognising its format: the official directory (CSV or JSON export) or
 * the volunteers' CSV. The whole file is read and checked first; if anything is wrong nothing is written, and the
 * message lists every faulty line. Importing the same file twice records nothing the second time.
 */
@Component
class ContactImporter {

    private final AuthorityStore store;
    private final ContactStore contactStore;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ContactImporter(AuthorityStore store, ContactStore contactStore, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.contactStore = contactStore;
        this.transaction = transaction;
        this.clock = clock;
    }

    ContactImportReport importFile(String fileName, InputStream content, String importedBy) {
        return importFile(fileName, content, importedBy, ContactImportProgress.NONE);
    }

    ContactImportReport importFile(String fileName, InputStream content, String importedBy,
                                   ContactImportProgress progress) {
        String text = decode(fileName, content);
        int lines = lineCount(text);
        ContactFile file = parse(fileName, text, lines, progress);
        Set<String> codes = file.contacts().stream().map(l -> AuthorityCodes.townHall(l.insee())).collect(Collectors.toSet());
        Map<String, Long> ids = store.authorityIdsByCode(codes);
        List<String> skipped = new ArrayList<>(file.skipped());
        List<ContactStore.NewContact> contacts = new ArrayList<>();
        ContactFile.Problems problems = new ContactFile.Problems(fileName);
        for (ContactFile.Line line : file.contacts()) {
            Long id = ids.get(AuthorityCodes.townHall(line.insee()));
            if (id == null) {
                String problem = "aucune commune actuelle n'a le code INSEE " + line.insee() + ".";
                if (file.source() == ContactSource.VOLUNTEER_LIST) {
                    problems.add(line.line(), problem);
                } else {
                    skipped.add("ligne " + line.line() + " : " + problem);
                }
                continue;
            }
            contacts.add(new ContactStore.NewContact(id, file.source(), line.reference(), line.sourceDate(),
                    line.details()));
        }
        problems.throwIfAny();
        progress.writing(contacts.size());
        Timestamp now = Timestamp.from(clock.instant());
        int recorded = transaction.execute(status -> contactStore.recordContacts(contacts, importedBy, now));
        return new ContactImportReport(fileName, file.format(), file.read(), contacts.size(), recorded,
                contacts.size() - recorded, List.copyOf(skipped));
    }

    /** Physical lines, as the CSV parser numbers them (a quoted address over three lines counts three). */
    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.endsWith("\n") ? lines : lines + 1;
    }

    private static ContactFile parse(String fileName, String text, int lines, ContactImportProgress progress) {
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("Le fichier " + fileName + " est vide.");
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return OfficialDirectoryFile.readJson(fileName, new StringReader(trimmed), progress);
        }
        String header = trimmed.lines().findFirst().orElse("");
        if (OfficialDirectoryFile.looksLikeCsv(header)) {
            return OfficialDirectoryFile.readCsv(fileName, new StringReader(trimmed), lines, progress);
        }
        if (VolunteerContactList.looksLike(header)) {
            return VolunteerContactList.read(fileName, new StringReader(trimmed), lines, progress);
        }
        throw new InvalidInputException("Format de " + fileName + " non reconnu. Lanterne importe : l'export CSV "
                + "(séparateur « ; ») ou JSON de l'Annuaire de l'administration (jeu api-lannuaire-administration, "
                + "filtré sur les mairies), ou une liste CSV dont la première ligne est « "
                + String.join(",", VolunteerContactList.COLUMNS) + " ».");
    }

    /** UTF-8 (with or without BOM) as the exports are; anything else is refused rather than imported garbled. */
    private static String decode(String fileName, InputStream content) {
        try (Reader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) != -1) {
                text.append(buffer, 0, read);
            }
            String decoded = text.toString();
            return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("Le fichier " + fileName + " n'est pas encodé en UTF-8. Enregistrez-le en "
                    + "UTF-8 (dans LibreOffice : Enregistrer sous, « Modifier les paramètres du filtre », jeu de "
                    + "caractères Unicode UTF-8), puis recommencez.");
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + fileName + " : " + e.getMessage());
        }
    }
}

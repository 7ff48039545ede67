package fr.lanterne.requests;

import fr.lanterne.DataDirectory;
import fr.lanterne.authorities.Authority;
import fr.lanterne.letters.Addressee;
import fr.lanterne.letters.Letter;
import fr.lanterne.letters.LetterContext;
import fr.lanterne.letters.LetterEmail;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.PriorRequest;
import fr.lanterne.letters.Series;
import fr.lanterne.letters.Requester;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Writes a request's letter, as it will be sent, under the data directory: {@code letters/2026/LNT-2026-000123.pdf}
 * for print and attachment, and {@code .mail.txt} (subject, blank line, body) for the email. Files are written
 * under a temporary name and moved into place, so a crash never leaves half a letter; writing the same letter again
 * replaces it.
 */
@Component
class LetterWriter {

    private final Letters letters;
    private final DataDirectory dataDirectory;
    private final RequestsProperties properties;

    LetterWriter(Letters letters, DataDirectory dataDirectory, RequestsProperties properties) {
        this.letters = letters;
        this.dataDirectory = dataDirectory;
        this.properties = properties;
    }

    /** The letter of a request, composed but not written. */
    Letter compose(RequestReference reference, String templateId, Authority authority, LocalDate date) {
        Requester requester = new Requester(properties.requester().name(), properties.requester().postalAddress(),
                properties.replyAddress(reference));
        return letters.compose(templateId, LetterContext.request(requester, Addressee.of(authority), reference.value(),
                date, properties.requester().place()));
    }

    /** @return the PDF's path relative to the data directory */
    String write(RequestReference reference, Letter letter) {
        Path folder = dataDirectory.folder("letters").resolve(Integer.toString(reference.year()));
        try {
            Files.createDirectories(folder);
            Path pdf = folder.resolve(reference.value() + ".pdf");
            Path partialPdf = folder.resolve(reference.value() + ".pdf.partial");
            try (OutputStream out = Files.newOutputStream(partialPdf)) {
                letters.writePdf(letter, out);
            }
            LetterEmail email = letters.email(letter);
            Path partialMail = folder.resolve(reference.value() + ".mail.txt.partial");
            Files.writeString(partialMail, email.subject() + "\n\n" + email.body(), StandardCharsets.UTF_8);
            Files.move(partialMail, mailFile(pdf), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partialPdf, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dataDirectory.root().relativize(pdf).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the letter of " + reference + " in " + folder, e);
        }
    }

    /** A letter about a request (a reminder, a referral…), for the requester to check and send. */
    Letter composeFollowUp(RequestReference reference, String templateId, Authority authority, PriorRequest prior,
                           LocalDate date) {
        Requester requester = new Requester(properties.requester().name(), properties.requester().postalAddress(),
                properties.replyAddress(reference));
        return letters.compose(templateId, LetterContext.request(requester, Addressee.of(authority), reference.value(),
                date, properties.requester().place()).about(prior));
    }

    /** One referral to the CADA for a series of requests (CRPA L342-1). */
    Letter composeSeries(String reference, Series series, LocalDate date) {
        Requester requester = new Requester(properties.requester().name(), properties.requester().postalAddress(),
                properties.mailbox());
        return letters.compose("saisine-cada-serie", LetterContext.series(requester, series, reference,
                date, properties.requester().place()));
    }

    /** Writes a draft letter under {@code drafts/}; @return its path relative to the data directory */
    String writeDraft(String folder, String name, Letter letter) {
        Path directory = dataDirectory.folder("drafts").resolve(folder);
        try {
            Files.createDirectories(directory);
            Path pdf = directory.resolve(name + ".pdf");
            Path partial = directory.resolve(name + ".pdf.partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                letters.writePdf(letter, out);
            }
            Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dataDirectory.root().relativize(pdf).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the draft " + name + " in " + directory, e);
        }
    }

    Path pdf(String letterFile) {
        return dataDirectory.root().resolve(letterFile);
    }

    /** The email written with a letter: its subject and body. */
    LetterEmail email(String letterFile) {
        try {
            String text = Files.readString(mailFile(pdf(letterFile)), StandardCharsets.UTF_8);
            int blank = text.indexOf("\n\n");
            return new LetterEmail(text.substring(0, blank), text.substring(blank + 2));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the email of " + letterFile, e);
        }
    }

    private static Path mailFile(Path pdf) {
        String name = pdf.getFileName().toString();
        return pdf.resolveSibling(name.substring(0, name.length() - ".pdf".length()) + ".mail.txt");
    }
}

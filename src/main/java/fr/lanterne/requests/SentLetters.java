package fr.lanterne.requests;

import fr.lanterne.letters.LetterEmail;
import java.nio.file.Files;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The text of a request's letter as it was written when the request was made (the email's subject and body, the
 * same words as the PDF), for pages that quote it. The letter is read as written, never composed again: a template
 * changed since would otherwise put words in it that were never sent.
 */
@Service
public class SentLetters {

    private final Requests requests;
    private final LetterWriter letterWriter;

    SentLetters(Requests requests, LetterWriter letterWriter) {
        this.requests = requests;
        this.letterWriter = letterWriter;
    }

    /** The letter's text; empty while it is not written (a draft) or when its file is gone. */
    public Optional<LetterEmail> of(RequestReference reference) {
        Optional<String> letterFile = requests.find(reference).map(RequestDetails::letterFile);
        if (letterFile.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(letterWriter.mailFileOf(letterFile.get()))) {
            return Optional.empty();
        }
        return Optional.of(letterWriter.email(letterFile.get()));
    }
}

package fr.lanterne.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a received input: the input itself, or a file found inside it (an attachment, an archive entry). Every
 * item has exactly one {@link Outcome}.
 *
 * @param id         its number within the input, from 1 (the input itself)
 * @param parentId   the number of the email or archive it came out of, or null for the input itself
 * @param path       where it came from, for people: {@code reponse.eml/annexes.zip/cctp.pdf}
 * @param fileName   its own name
 * @param depth      how many containers it sits in (0 for the input itself)
 * @param size       its size in bytes
 * @param sha256     the SHA-256 of its bytes, in lower-case hex, for deduplication and the content-addressed store
 * @param content    its bytes (not copied: do not modify), or null when the input was too large to be read into memory
 * @param type       what it is, from its content; null when it was not looked at (empty, too large)
 * @param outcome    what became of it
 * @param email      the email it is, when it is one
 * @param references request references found in it, most reliable first
 */
record IntakeItem(int id, Integer parentId, String path, String fileName, int depth, long size, String sha256,
        byte[] content, DetectedType type, Outcome outcome, EmailMessage email, List<ReferenceMatch> references) {

    public IntakeItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(outcome, "outcome");
        references = List.copyOf(references);
    }

    public Optional<EmailMessage> emailMessage() {
        return Optional.ofNullable(email);
    }

    public Optional<Extraction> extraction() {
        return outcome instanceof Outcome.Extracted extracted ? Optional.of(extracted.extraction()) : Optional.empty();
    }

    public boolean isQuarantined() {
        return outcome instanceof Outcome.Quarantined;
    }

    @Override
    public String toString() {
        return "IntakeItem[" + id + " " + path + " " + outcome.getClass().getSimpleName()
                + (outcome instanceof Outcome.Quarantined q ? " " + q.reason() : "") + "]";
    }
}

package fr.lanterne.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes in one received file (an uploaded scan, an {@code .eml} from the mailbox, a zip from the inbox folder) and
 * accounts for every file in it: emails give their body as a document and their attachments as files of their own,
 * zip archives are unpacked (nested ones too, within the depth limit), everything else goes to the
 * {@link TextExtractor}. Nothing is dropped: what cannot be read is quarantined with its reason and its bytes.
 *
 * <p>An email without attachment is not an error: its body is the document (an express refusal is often a plain
 * email). Only an email with neither text nor attachment is quarantined ({@link QuarantineReason#EMPTY_EMAIL}).
 */
final class Intake {

    private static final String ZIP = "application/zip";
    private static final String EMAIL = "message/rfc822";

    private final TextExtractor extractor;
    private final IngestSettings settings;
    private final EmailReader emails;
    private final ZipUnpacker zips;
    private final ReferenceFinder references;

    public Intake(TextExtractor extractor, ReferenceFinder references) {
        this.extractor = extractor;
        this.settings = extractor.settings();
        this.emails = new EmailReader(settings);
        this.zips = new ZipUnpacker(settings);
        this.references = references;
    }

    public Received receive(String fileName, byte[] content) {
        List<IntakeItem> items = new ArrayList<>();
        take(items, fileName, fileName, content, null, 0);
        return new Received(items);
    }

    /**
     * Reads one stored document again, alone, with today's settings and tools: a file's text, or an email's body
     * without its attachments (each of them is a document of its own).
     */
    public Outcome read(String fileName, byte[] content) {
        if (content.length > 0 && content.length <= settings.maxFileBytes()) {
            DetectedType type = extractor.detect(fileName, content);
            if (type.is(EMAIL)) {
                try {
                    return outcome(fileName, fileName, type, emails.read(content));
                } catch (EmailReader.UnreadableEmailException e) {
                    return new Outcome.Quarantined(e.reason(), "« " + fileName + " » : " + e.getMessage());
                }
            }
        }
        return extractor.extract(fileName, content);
    }

    /** Why scanned pages are not read here, in French; empty when Tesseract reads them. */
    public Optional<String> withoutOcr() {
        return extractor.withoutOcr();
    }

    /** A file on disk; one over the size limit is quarantined without being read into memory. */
    public Received receive(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > settings.maxFileBytes()) {
                return new Received(List.of(new IntakeItem(1, null, name, name, 0, size, sha256(file), null, null,
                        tooLarge(name, size), null, List.of())));
            }
            return receive(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void take(List<IntakeItem> items, String path, String fileName, byte[] content, Integer parentId,
            int depth) {
        int id = items.size() + 1;
        String sha = sha256(content);
        if (content.length == 0 || content.length > settings.maxFileBytes()) {
            Outcome outcome = content.length == 0
                    ? new Outcome.Quarantined(QuarantineReason.EMPTY, "Le fichier « " + fileName
                            + " » est vide (0 octet).")
                    : tooLarge(fileName, content.length);
            items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, null, outcome,
                    null, List.of()));
            return;
        }
        DetectedType type = extractor.detect(fileName, content);
        boolean container = type.is(ZIP) || type.is(EMAIL);
        if (container && depth > settings.maxArchiveDepth()) {
            items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type,
                    new Outcome.Quarantined(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                            "« %s » est imbriqué dans %d archives ou courriels (limite : %d).", path, depth,
                            settings.maxArchiveDepth())), null, List.of()));
            return;
        }
        if (type.is(ZIP)) {
            takeZip(items, id, path, fileName, content, sha, type, parentId, depth);
        } else if (type.is(EMAIL)) {
            takeEmail(items, id, path, fileName, content, sha, type, parentId, depth);
        } else {
            Outcome outcome = extractor.extract(fileName, content);
            items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type, outcome,
                    null, documentReferences(outcome)));
        }
    }

    private void takeZip(List<IntakeItem> items, int id, String path, String fileName, byte[] content, String sha,
            DetectedType type, Integer parentId, int depth) {
        ZipUnpacker.Result result = zips.unpack(content);
        if (result instanceof ZipUnpacker.Refused refused) {
            items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type,
                    new Outcome.Quarantined(refused.reason(), "« " + path + " » : " + refused.detail()), null,
                    List.of()));
            return;
        }
        List<ZipUnpacker.Entry> entries = ((ZipUnpacker.Unpacked) result).entries();
        items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type,
                new Outcome.Unpacked("zip", entries.size()), null, List.of()));
        for (ZipUnpacker.Entry entry : entries) {
            take(items, path + "/" + entry.path(), entry.fileName(), entry.content(), id, depth + 1);
        }
    }

    private void takeEmail(List<IntakeItem> items, int id, String path, String fileName, byte[] content, String sha,
            DetectedType type, Integer parentId, int depth) {
        EmailMessage email;
        try {
            email = emails.read(content);
        } catch (EmailReader.UnreadableEmailException e) {
            items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type,
                    new Outcome.Quarantined(e.reason(), "« " + path + " » : " + e.getMessage()), null, List.of()));
            return;
        }
        List<ReferenceMatch> found = references.find(email);
        items.add(new IntakeItem(id, parentId, path, fileName, depth, content.length, sha, content, type,
                outcome(path, fileName, type, email), email, found));
        for (Attachment attachment : email.attachments()) {
            take(items, path + "/" + attachment.fileName(), attachment.fileName(), attachment.content(), id, depth + 1);
        }
    }

    private Outcome outcome(String path, String fileName, DetectedType type, EmailMessage email) {
        if (!email.hasBody() && email.attachments().isEmpty()) {
            return new Outcome.Quarantined(QuarantineReason.EMPTY_EMAIL,
                    "Le courriel « " + email.subject() + " » (" + path + ") est vide.");
        }
        return new Outcome.Extracted(body(fileName, type, email));
    }

    /** The email's body as a document of its own, titled by its subject and dated by its Date header. */
    private Extraction body(String fileName, DetectedType type, EmailMessage email) {
        String text = email.textBody();
        if ((text == null || text.isBlank()) && email.htmlBody() != null) {
            Outcome html = extractor.extract("message.html", email.htmlBody().getBytes(StandardCharsets.UTF_8));
            text = html instanceof Outcome.Extracted e ? e.extraction().text() : "";
        }
        List<String> notices = new ArrayList<>();
        if (email.attachments().isEmpty()) {
            notices.add("Courriel sans pièce jointe : son texte est traité comme un document (une réponse ou un "
                    + "refus peut tenir dans le message lui-même).");
        }
        DocumentMetadata metadata = new DocumentMetadata(email.subject().isBlank() ? null : email.subject(),
                email.from(), email.sentAt(), null, null, null);
        return new Extraction(fileName, type, metadata, List.of(new Page(1, text == null ? "" : text.strip(), false,
                false)), notices);
    }

    private List<ReferenceMatch> documentReferences(Outcome outcome) {
        if (outcome instanceof Outcome.Extracted extracted) {
            return references.find(extracted.extraction().text(), ReferenceMatch.Where.DOCUMENT);
        }
        return List.of();
    }

    private Outcome.Quarantined tooLarge(String fileName, long size) {
        return new Outcome.Quarantined(QuarantineReason.TOO_LARGE, String.format(Locale.FRANCE,
                "Le fichier « %s » pèse %s (limite : %s).", fileName, Sizes.human(size),
                Sizes.human(settings.maxFileBytes())));
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

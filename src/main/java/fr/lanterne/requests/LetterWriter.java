package fr.lanterne.requests;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.letters.Addressee;
import fr.lanterne.letters.Letter;
import fr.lanterne.letters.LetterContext;
import fr.lanterne.letters.LetterEmail;
import fr.lanterne.letters.Letters;
import fr.lanterne.letters.PriorRequest;
import fr.lanterne.letters.Series;
import fr.lanterne.letters.Requester;
import fr.lanterne.letters.TemplateKind;
import fr.lanterne.settings.IdentityDraft;
import fr.lanterne.settings.PostalAddress;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a request's letter, as it will be sent, under the data directory: {@code letters/2026/LNT-2026-000123.pdf}
 * for print and attachment, and {@code .mail.txt} (subject, blank line, body) for the email. Files are written
 * under a temporary name and moved into place, so a crash never leaves half a letter; writing the same letter again
 * replaces it.
 *
 * <p>A letter that will be sent is signed with the complete requester identity, or not written at all; previews and
 * drafts (which a person reads before anything leaves) may be written before it is complete, with what is missing
 * marked "[à compléter]".
 */
@Component
class LetterWriter {

    private final Letters letters;
    private final DataDirectory dataDirectory;
    private final Settings settings;
    private final Authorities authorities;

    /** What a preview shows for what the identity still lacks: plainly not a value, and no address of anyone. */
    static final String MISSING = "[à compléter]";
    private static final String MISSING_EMAIL = "[à-compléter]@[à-compléter].fr";

    LetterWriter(Letters letters, DataDirectory dataDirectory, Settings settings, Authorities authorities) {
        this.letters = letters;
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.authorities = authorities;
    }

    /** The authority as a letter addresses it: for its PRADA's attention, asking where it publishes, if due. */
    private Addressee addressee(Authority authority) {
        return Addressee.of(authority, authorities.duties(authority));
    }

    /**
     * The letter of a request that will be sent, composed but not written.
     *
     * @throws fr.lanterne.shared.ConflictException while the requester identity is not complete
     */
    Letter compose(RequestReference reference, String templateId, Authority authority, LocalDate date) {
        RequesterIdentity identity = settings.requireIdentity("écrire la lettre d’une demande à envoyer");
        return letters.compose(templateId, LetterContext.request(requester(identity, reference.value()),
                addressee(authority), reference.value(), date, identity.place()));
    }

    /** The letter of a request, to read before confirming: signed as it will be, or with what is missing marked. */
    Letter preview(RequestReference reference, String templateId, Authority authority, LocalDate date) {
        Signer signer = signer(reference.value());
        return letters.compose(templateId, LetterContext.request(signer.requester(), addressee(authority),
                reference.value(), date, signer.place()));
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

    /**
     * A letter about a request (a reminder, a referral…), for the requester to check and send. A reminder may be
     * drafted before the identity is complete; a referral may not (see {@link #referralSigner}).
     *
     * @throws fr.lanterne.shared.ConflictException for a referral, while the identity lacks an element R343-1 requires
     */
    Letter composeFollowUp(RequestReference reference, String templateId, Authority authority, PriorRequest prior,
                           LocalDate date) {
        TemplateKind kind = letters.templates().get(templateId).kind();
        Signer signer = kind == TemplateKind.REFERRAL || kind == TemplateKind.SERIES_INFORMATION
                ? referralSigner(reference.value()) : signer(reference.value());
        return letters.compose(templateId, LetterContext.request(signer.requester(), addressee(authority),
                reference.value(), date, signer.place()).about(prior));
    }

    /**
     * One referral to the CADA for a series of requests (CRPA L342-1).
     *
     * @throws fr.lanterne.shared.ConflictException while the identity lacks an element R343-1 requires
     */
    Letter composeSeries(String reference, Series series, LocalDate date) {
        Signer signer = referralSigner(null);
        return letters.compose("saisine-cada-serie", LetterContext.series(signer.requester(), series, reference,
                date, signer.place()));
    }

    /** Who signs a letter, and where. */
    private record Signer(Requester requester, String place) {
    }

    /**
     * The signer of a referral to the CADA: the complete identity, never a draft marked "[à compléter]". The CADA
     * registers only a referral that states every element of CRPA R343-1, and the two months of its opinion run from
     * that registration (R343-5): a referral the volunteer would have to complete by hand is not drafted at all.
     */
    private Signer referralSigner(String reference) {
        RequesterIdentity identity = settings.requireReferralIdentity();
        return new Signer(requester(identity, reference), identity.place());
    }

    /** @param reference the reply address's plus-part, or null for the mailbox itself */
    private Signer signer(String reference) {
        return settings.requesterIdentity()
                .map(identity -> new Signer(requester(identity, reference), identity.place()))
                .orElseGet(() -> unfinishedSigner(settings.identityDraft()));
    }

    static Requester requester(RequesterIdentity identity, String reference) {
        return new Requester(identity.displayName(), identity.details(), identity.postalAddress().text(),
                reference == null ? identity.mailbox() : identity.replyAddress(reference));
    }

    /**
     * The identity as far as it is typed (or suggested by the configuration), each missing part marked: for previews
     * and drafts only, which the composer's own checks keep from ever showing a placeholder as a real value.
     */
    static Signer unfinishedSigner(IdentityDraft draft) {
        Map<String, String> problems = draft.problems();
        boolean legal = draft.requesterKind() == fr.lanterne.settings.RequesterKind.LEGAL_PERSON;
        String name = legal ? valid(draft.denomination(), problems.containsKey("denomination"))
                : valid(joined(draft.givenNames(), draft.surname()),
                problems.containsKey("surname") || problems.containsKey("givenNames"));
        String typedAddress = !blank(draft.letterAddress()) && !problems.containsKey("letterAddress")
                ? draft.letterAddress() : legal ? valid(draft.seatAddress(), problems.containsKey("seatAddress"))
                : valid(draft.homeAddress(), problems.containsKey("homeAddress"));
        String address = typedAddress == null ? MISSING : PostalAddress.parse(typedAddress).text();
        String email = valid(draft.mailbox(), problems.containsKey("mailbox"));
        String place = valid(draft.place(), problems.containsKey("place"));
        return new Signer(new Requester(name == null ? "Demandeur " + MISSING : name, List.of(), address,
                email == null ? MISSING_EMAIL : email), place == null ? MISSING : place);
    }

    private static String valid(String value, boolean faulty) {
        return faulty || blank(value) ? null : value.strip();
    }

    private static String joined(String givenNames, String surname) {
        return blank(givenNames) || blank(surname) ? null : givenNames.strip() + " " + surname.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
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

package fr.lanterne.web.pages;

import fr.lanterne.letters.LetterEmail;
import fr.lanterne.settings.PostalAddress;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.RequesterKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request's letter as visitors read it: its subject and paragraphs as sent, without what would reach a person.
 * The sender block that closes the email (name, address, mailbox) is left out; every email address is masked (a
 * request's reply address leads to a volunteer's mailbox as surely as their own); the requester's postal addresses
 * are masked; and the requester's own name, when the requester is a natural person, or a legal person's
 * representative, is replaced by how the public pages name the requester. The association's name stays: it is the
 * requester visitors are shown.
 *
 * @param subject    the subject, without the reference in brackets that emails put in front of it
 * @param paragraphs the body's paragraphs, in order
 */
record PublicLetter(String subject, List<String> paragraphs) {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern REFERENCE_PREFIX = Pattern.compile("^\\[[^\\]]*\\]\\s*");

    PublicLetter {
        Objects.requireNonNull(subject, "subject");
        paragraphs = List.copyOf(paragraphs);
    }

    /** What replaces what is masked, in the page's language. */
    record Masks(String requester, String email, String address) {
    }

    /**
     * @param identity the requester identity letters are signed with now, or null when none is set; the sender block
     *                 is dropped whatever it held, so an identity changed since the letter was sent leaks nothing
     *                 there
     */
    static PublicLetter of(LetterEmail email, RequesterIdentity identity, Masks masks) {
        String body = email.body().replace("\r\n", "\n").strip();
        List<String> paragraphs = new ArrayList<>(List.of(body.split("\n\\s*\n")));
        // The sender block closes the email (LetterEmail.of): it is the requester's name, address and mailbox.
        if (paragraphs.size() > 1) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        List<String> names = personalNames(identity);
        List<String> addressLines = addressLines(identity);
        List<String> shown = new ArrayList<>();
        for (String paragraph : paragraphs) {
            shown.add(mask(paragraph, names, addressLines, masks));
        }
        String subject = REFERENCE_PREFIX.matcher(email.subject().strip()).replaceFirst("");
        return new PublicLetter(mask(subject, names, addressLines, masks), shown);
    }

    private static String mask(String text, List<String> names, List<String> addressLines, Masks masks) {
        String masked = EMAIL.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(masks.email()));
        for (String line : addressLines) {
            masked = masked.replace(line, masks.address());
        }
        for (String name : names) {
            // Whatever the case: a signature in capitals ("MARTIN Camille") is the same name.
            masked = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(masked).replaceAll(java.util.regex.Matcher.quoteReplacement(masks.requester()));
        }
        return masked;
    }

    /** The names of persons the identity holds, the longest first (so "Camille Martin" goes before "Martin"). */
    private static List<String> personalNames(RequesterIdentity identity) {
        List<String> names = new ArrayList<>();
        if (identity == null) {
            return names;
        }
        if (identity.kind() == RequesterKind.NATURAL_PERSON) {
            names.add(identity.givenNames() + " " + identity.surname());
            names.add(identity.surname() + " " + identity.givenNames());
            names.add(identity.surname());
        } else if (identity.representativeName() != null) {
            names.add(identity.representativeName());
        }
        return names.stream().filter(n -> n != null && n.strip().length() > 1).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static List<String> addressLines(RequesterIdentity identity) {
        List<String> lines = new ArrayList<>();
        if (identity == null) {
            return lines;
        }
        for (PostalAddress address : java.util.Arrays.asList(identity.registeredAddress(), identity.letterAddress())) {
            if (address != null) {
                lines.add(address.oneLine());
                lines.addAll(address.lines());
            }
        }
        return lines.stream().filter(l -> l != null && l.strip().length() > 3).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}

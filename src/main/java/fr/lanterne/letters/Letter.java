package fr.lanterne.letters;

import fr.lanterne.shared.FrenchDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A letter filled in and ready to print or to send: the same content makes the PDF and the email.
 *
 * @param sender the requester's name, postal address lines and email (top left of the page)
 * @param recipient the addressee's name and address lines (in the envelope window)
 * @param body paragraphs, in reading order; a paragraph may hold line breaks ({@code \n})
 * @param signature the lines under the body (the requester's name)
 * @param attention the "À l’attention de…" line, or null: in the recipient block, after the name, and at the top of
 *                  the email
 */
public record Letter(String templateId, List<String> sender, List<String> recipient, String place, LocalDate date,
                     String reference, String subject, List<String> body, List<String> signature, String attention) {

    /** The shorter line used when the full one would push the address out of the envelope window. */
    static final String SHORT_PRADA_ATTENTION = "À l’attention de la PRADA";

    public Letter(String templateId, List<String> sender, List<String> recipient, String place, LocalDate date,
                  String reference, String subject, List<String> body, List<String> signature) {
        this(templateId, sender, recipient, place, date, reference, subject, body, signature, null);
    }

    // A narrow no-break space before the colon, as French typography wants (and never a line break there).
    static final String REFERENCE_LABEL = "Réf.\u202F: ";
    static final String SUBJECT_LABEL = "Objet\u202F: ";

    public Letter {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(subject, "subject");
        sender = List.copyOf(sender);
        recipient = List.copyOf(recipient);
        body = List.copyOf(body);
        signature = List.copyOf(signature);
        if (sender.isEmpty() || recipient.isEmpty() || body.isEmpty()) {
            throw new IllegalArgumentException("A letter needs a sender, a recipient and a body");
        }
    }

    /** "Nice, le 28 novembre 2026". */
    public String dateLine() {
        return place + ", le " + FrenchDates.format(date);
    }

    /** "Réf. : LNT-2026-000123". */
    public String referenceLine() {
        return REFERENCE_LABEL + reference;
    }

    /** "Objet : Demande de communication…". */
    public String subjectLine() {
        return SUBJECT_LABEL + subject;
    }

    /** Who signs: the PDF's author. */
    public String author() {
        return signature.isEmpty() ? sender.get(0) : signature.get(0);
    }

    /**
     * The whole letter as text, in reading order (the order the PDF draws it): sender, recipient, place and date,
     * reference, subject, body paragraphs, signature. Blocks are separated by a blank line.
     */
    public String plainText() {
        List<String> blocks = new ArrayList<>();
        blocks.add(String.join("\n", sender));
        blocks.add(String.join("\n", recipient));
        blocks.add(dateLine());
        blocks.add(referenceLine() + "\n" + subjectLine());
        blocks.addAll(body);
        if (!signature.isEmpty()) {
            blocks.add(String.join("\n", signature));
        }
        return String.join("\n\n", blocks);
    }
}

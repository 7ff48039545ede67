package fr.lanterne.letters;

import java.util.Objects;

/**
 * A letter as an email: UTF-8 plain text with {@code \n} line ends (the mail layer writes CRLF).
 *
 * @param subject the letter's subject, with its reference in brackets in front so replies can be matched
 * @param body the letter's body paragraphs, then the requester's name, postal address and email
 */
public record LetterEmail(String subject, String body) {

    public LetterEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public static LetterEmail of(Letter letter) {
        String subject = "[" + letter.reference() + "] " + letter.subject();
        StringBuilder body = new StringBuilder(4096);
        if (letter.attention() != null) {
            body.append(letter.attention()).append("\n\n");
        }
        for (String paragraph : letter.body()) {
            body.append(paragraph).append("\n\n");
        }
        // The sender block closes the email, where an email signature goes.
        body.append(String.join("\n", letter.sender())).append('\n');
        return new LetterEmail(subject, body.toString());
    }
}

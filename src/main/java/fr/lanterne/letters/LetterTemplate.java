package fr.lanterne.letters;

import fr.lanterne.registry.Technology;
import java.util.List;
import java.util.Objects;

/**
 * What a template says about itself (its template.yaml), for choosing one and showing it.
 *
 * @param technologies what a request template asks about; empty for reminders and referrals
 * @param legalBasis the articles the letter relies on, as people cite them ("CRPA L311-9")
 * @param documents the numbered list of documents a request asks for; empty for reminders and referrals, which
 *                  repeat the list of the request they follow
 * @param recipient who every letter of this template goes to (the CADA for a referral), or null when it goes to
 *                  the authority of the letter
 */
public record LetterTemplate(String id, String title, TemplateKind kind, List<Technology> technologies,
                             List<String> legalBasis, List<String> documents, Addressee recipient) {

    public LetterTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        technologies = List.copyOf(technologies);
        legalBasis = List.copyOf(legalBasis);
        documents = List.copyOf(documents);
    }
}

package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.shared.Paris;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The name visitors read for a document. The name a file was received under may hold a person's name
 * ("courrier_M_Dupont.pdf"), so visitors see the document's title if it has one, else a neutral name built from its
 * kind, the authority it came from and the day it was received. Signed-in people keep the real name.
 */
@Component
class VisitorNames {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Authorities authorities;
    private final MessageSource messages;

    VisitorNames(Authorities authorities, MessageSource messages) {
        this.authorities = authorities;
        this.messages = messages;
    }

    /** The title if there is one, else "Délibération — Mairie de Nice, 12/03/2026". */
    String name(String title, String kind, String kindLabel, String authorityCode, Instant receivedAt,
                Locale locale) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String label = messages.getMessage("documentKind." + kind, null, kindLabel, locale);
        label = label == null || label.isBlank() ? messages.getMessage("visitor.document.kind", null, locale) : label;
        label = label.substring(0, 1).toUpperCase(locale) + label.substring(1);
        String day = receivedAt == null ? null : DAY.format(receivedAt.atZone(Paris.ZONE));
        Authority from = authorityCode == null ? null : authorities.findAuthority(authorityCode).orElse(null);
        if (from != null && day != null) {
            return messages.getMessage("visitor.document.name", new String[] {label, from.name(), day}, locale);
        }
        if (from != null || day != null) {
            return messages.getMessage("visitor.document.nameShort", new String[] {label, from != null ? from.name()
                    : day}, locale);
        }
        return label;
    }

    /** The document as visitors read it, named from its first receipt's day (given: {@code d} may have none left). */
    DocumentRecords.Details details(DocumentRecords.Details d, Instant received, Locale locale) {
        String name = name(d.title(), d.kind(), d.kindLabel(), d.authorityCode(), received, locale);
        return new DocumentRecords.Details(d.sha256(), name, d.mediaType(), d.size(), d.title(), d.author(),
                d.created(), d.modified(), d.producer(), d.pageCount(), d.needsOcr(), d.ocredPages(), d.kind(),
                d.kindLabel(), d.requestReference(), d.authorityCode(), d.suggestedState(), d.suggestionReason(),
                d.notices(), d.mentions(), d.links(), d.receipts());
    }

    DocumentRecords.Publication publication(DocumentRecords.Publication p, Locale locale) {
        return new DocumentRecords.Publication(p.sha256(),
                name(p.title(), p.kind(), p.kindLabel(), p.authorityCode(), p.receivedAt(), locale), p.title(),
                p.kind(), p.kindLabel(), p.pages(), p.mediaType(), p.requestReference(), p.authorityCode(),
                p.publishedAt(), p.receivedAt());
    }

    List<DocumentRecords.Publication> publications(List<DocumentRecords.Publication> list, Locale locale) {
        return list.stream().map(p -> publication(p, locale)).toList();
    }

    DocumentRecords.Summary summary(DocumentRecords.Summary s, Locale locale) {
        return new DocumentRecords.Summary(s.sha256(),
                name(s.title(), s.kind(), s.kindLabel(), s.authorityCode(), s.receivedAt(), locale), s.title(),
                s.kind(), s.kindLabel(), s.pages(), s.receivedAt(), s.requestReference(), s.authorityCode(),
                s.needsOcr(), s.published());
    }
}

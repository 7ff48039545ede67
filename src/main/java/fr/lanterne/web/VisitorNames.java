package fr.lanterne.web;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.publish.PublicationState;
import fr.lanterne.publish.Publications;
import fr.lanterne.search.SearchHit;
import fr.lanterne.search.SearchResult;
import fr.lanterne.shared.Paris;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The name visitors read for a document. The name a file was received under may hold a person's name
 * ("courrier_M_Dupont.pdf"), so visitors see the document's title if it has one, else a neutral name built from its
 * kind, the authority it came from and the day it was received. Signed-in people keep the real name.
 */
@Component
public class VisitorNames {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Authorities authorities;
    private final MessageSource messages;
    private final Documents documents;
    private final Publications publications;

    public VisitorNames(Authorities authorities, MessageSource messages, Documents documents, Publications publications) {
        this.authorities = authorities;
        this.messages = messages;
        this.documents = documents;
        this.publications = publications;
    }

    /** The title if there is one, else "Délibération — Mairie de Nice, 12/03/2026". */
    public String name(String title, String kind, String kindLabel, String authorityCode, Instant receivedAt,
                Locale locale) {
        return name(title, kind, kindLabel, authorityCode,
                receivedAt == null ? null : receivedAt.atZone(Paris.ZONE).toLocalDate(), locale);
    }

    private String name(String title, String kind, String kindLabel, String authorityCode, LocalDate receivedOn,
                        Locale locale) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String label = messages.getMessage("documentKind." + kind, null, kindLabel, locale);
        label = label == null || label.isBlank() ? messages.getMessage("visitor.document.kind", null, locale) : label;
        label = label.substring(0, 1).toUpperCase(locale) + label.substring(1);
        String day = receivedOn == null ? null : DAY.format(receivedOn);
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
    public DocumentRecords.Details details(DocumentRecords.Details d, Instant received, Locale locale) {
        String name = name(d.title(), d.kind(), d.kindLabel(), d.authorityCode(), received, locale);
        return new DocumentRecords.Details(d.sha256(), name, d.mediaType(), d.size(), d.title(), d.author(),
                d.created(), d.modified(), d.producer(), d.pageCount(), d.needsOcr(), d.ocredPages(), d.kind(),
                d.kindLabel(), d.requestReference(), d.authorityCode(), d.suggestedState(), d.suggestionReason(),
                d.notices(), d.mentions(), d.links(), d.receipts());
    }

    public DocumentRecords.Publication publication(DocumentRecords.Publication p, Locale locale) {
        return new DocumentRecords.Publication(p.sha256(),
                name(p.title(), p.kind(), p.kindLabel(), p.authorityCode(), p.receivedAt(), locale), p.title(),
                p.kind(), p.kindLabel(), p.pages(), p.mediaType(), p.requestReference(), p.authorityCode(),
                p.publishedAt(), p.receivedAt());
    }

    public List<DocumentRecords.Publication> publications(List<DocumentRecords.Publication> list, Locale locale) {
        return list.stream().map(p -> publication(p, locale)).toList();
    }

    public DocumentRecords.Summary summary(DocumentRecords.Summary s, Locale locale) {
        return new DocumentRecords.Summary(s.sha256(),
                name(s.title(), s.kind(), s.kindLabel(), s.authorityCode(), s.receivedAt(), locale), s.title(),
                s.kind(), s.kindLabel(), s.pages(), s.receivedAt(), s.requestReference(), s.authorityCode(),
                s.needsOcr(), s.published());
    }

    /**
     * The results of visitors' search, named as visitors may read them: the index names a document without a title
     * after its file, and a redacted one after its metadata's title, which the redaction removed.
     */
    public SearchResult result(SearchResult result, Locale locale) {
        UnaryOperator<SearchHit> naming = hits(locale);
        return new SearchResult(result.total(), result.page(), result.size(), result.facets(),
                result.hits().stream().map(naming).toList(), result.readAsPlainWords(), result.notice());
    }

    /** Names hits as {@link #result} does, reading each document once. */
    public UnaryOperator<SearchHit> hits(Locale locale) {
        Map<String, String> names = new HashMap<>();
        return h -> new SearchHit(h.sha256(), h.page(), names.computeIfAbsent(h.sha256(), sha -> {
            DocumentRecords.Details d = documents.details(sha);
            boolean redacted = publications.publication(sha).map(PublicationState::redactedSha256).isPresent();
            return name(redacted ? null : d.title(), d.kind(), d.kindLabel(), d.authorityCode(), h.receivedOn(),
                    locale);
        }), h.authority(), h.authorityName(), h.insee(), h.communeName(), h.departement(), h.kind(), h.receivedOn(),
                h.requestReference(), h.score(), h.passage());
    }
}

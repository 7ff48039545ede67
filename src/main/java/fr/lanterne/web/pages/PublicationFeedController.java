package fr.lanterne.web.pages;

import fr.lanterne.publish.PublicationProperties;
import fr.lanterne.web.VisitorNames;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.ingest.DocumentRecords.Publication;
import fr.lanterne.ingest.Documents;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.RequesterKind;
import fr.lanterne.settings.Settings;
import fr.lanterne.users.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Atom feed (RFC 4287) of the documents published, newest first: one entry per document, linking to its page, its
 * file and its request's public page, each saying its source, its date and the licence (CRPA L321-1, L322-1). Written
 * with an XML writer, which escapes every title and name a document or an authority brings.
 */
@Controller
class PublicationFeedController {

    static final int ENTRIES = 50;
    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final Documents documents;
    private final Authorities authorities;
    private final Settings settings;
    private final PublicAddress publicAddress;
    private final PublicationProperties publication;
    private final MessageSource messages;
    private final Clock clock;
    private final VisitorNames visitorNames;

    PublicationFeedController(Documents documents, Authorities authorities, Settings settings,
                              PublicAddress publicAddress, PublicationProperties publication, MessageSource messages,
                              Clock clock, VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.documents = documents;
        this.authorities = authorities;
        this.settings = settings;
        this.publicAddress = publicAddress;
        this.publication = publication;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/publications.atom")
    ResponseEntity<byte[]> feed(HttpServletRequest request, Locale locale) throws XMLStreamException {
        // Named as visitors may read them: the names files were received under may hold a person's name.
        List<Publication> latest = visitorNames.publications(documents.latestPublications(ENTRIES), locale);
        Map<String, Authority> sources = authorities.authoritiesByCode(latest.stream()
                .map(Publication::authorityCode).filter(Objects::nonNull).collect(Collectors.toSet()));
        // The configured (or first seen) address, so that a visitor's Host header never writes the feed's links.
        String base = publicAddress.base().map(Object::toString)
                .orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM_NS);
        xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", locale.getLanguage());
        text(xml, "id", base + "/publications.atom");
        text(xml, "title", message("feed.title", locale));
        text(xml, "subtitle", message("feed.subtitle", locale));
        text(xml, "updated", date(latest.isEmpty() ? clock.instant() : latest.get(0).publishedAt()));
        link(xml, "self", "application/atom+xml", base + "/publications.atom", null);
        link(xml, "alternate", "text/html", base + "/demandes-publiques", null);
        xml.writeStartElement("author");
        text(xml, "name", requester(locale));
        text(xml, "uri", base + "/demandes-publiques");
        xml.writeEndElement();
        text(xml, "rights", rights(locale));
        xml.writeStartElement("generator");
        xml.writeAttribute("uri", base + "/");
        xml.writeCharacters("Lanterne");
        xml.writeEndElement();
        for (Publication p : latest) {
            entry(xml, base, p, sources.get(p.authorityCode()), locale);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM).body(out.toByteArray());
    }

    private void entry(XMLStreamWriter xml, String base, Publication p, Authority source, Locale locale)
            throws XMLStreamException {
        String document = base + "/documents/" + p.sha256();
        String name = p.title() != null && !p.title().isBlank() ? p.title() : p.fileName();
        String from = source != null ? source.name() : message("feed.unknownSource", locale);
        String day = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(p.publishedAt().atZone(clock.getZone()));
        xml.writeStartElement("entry");
        text(xml, "id", document);
        text(xml, "title", from + " — " + name);
        text(xml, "updated", date(p.publishedAt()));
        text(xml, "published", date(p.publishedAt()));
        link(xml, "alternate", "text/html", document, null);
        link(xml, "enclosure", p.mediaType() == null ? "application/octet-stream" : p.mediaType(),
                document + "/fichier", p.fileName());
        if (p.requestReference() != null) {
            link(xml, "related", "text/html", base + "/demandes-publiques/" + p.requestReference(),
                    message("feed.request", locale, p.requestReference()));
        }
        if (source != null) {
            xml.writeEmptyElement("category");
            attribute(xml, "term", source.code());
            attribute(xml, "label", source.name());
        }
        String kind = Objects.requireNonNullElse(messages.getMessage("documentKind." + p.kind(), null, null, locale),
                p.kindLabel());
        text(xml, "summary", p.requestReference() != null
                ? message("feed.summary.request", locale, kind, p.pages(), from, p.requestReference(), day)
                : message("feed.summary", locale, kind, p.pages(), from, day));
        text(xml, "rights", message("public.source", locale, from, day) + " " + rights(locale));
        xml.writeEndElement();
    }

    private String requester(Locale locale) {
        RequesterIdentity identity = settings.requesterIdentity().orElse(null);
        return identity != null && identity.kind() == RequesterKind.LEGAL_PERSON ? identity.denomination()
                : message("public.requester.member", locale);
    }

    private String rights(Locale locale) {
        return message("public.licence", locale, publication.licence());
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlChars(text));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlChars(value));
    }

    /**
     * The text without the characters XML 1.0 cannot hold (control characters a PDF's title may carry): the writer
     * escapes markup, not those, and one would make the whole feed unreadable.
     */
    static String xmlChars(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href, String title)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        attribute(xml, "rel", rel);
        attribute(xml, "type", type);
        attribute(xml, "href", href);
        if (title != null) {
            attribute(xml, "title", title);
        }
    }

    /** An RFC 3339 date-time, as Atom wants it. */
    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}

package fr.lanterne.search;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.Commune;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A stored document as the index sees it: each page's text with the document's fields, gathered from the modules
 * that know them (the authority and its commune, the request and its campaign, the technologies and vendors the text
 * names or the registry links it to).
 */
@Component
class DocumentPages {

    private final Documents documents;
    private final Authorities authorities;
    private final Requests requests;
    private final Registry registry;
    private final PublishedVersions published;
    private final Clock clock;

    DocumentPages(Documents documents, Authorities authorities, Requests requests, Registry registry,
                  PublishedVersions published, Clock clock) {
        this.documents = documents;
        this.published = published;
        this.authorities = authorities;
        this.requests = requests;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Every entry of the document the index should hold: its pages as received, then, if it is published, the pages
     * of its published version (the version's own text, or the text as received), with the same document fields.
     * Nothing if the document no longer exists.
     */
    Optional<List<PageDocument>> entries(String sha256) {
        Optional<List<PageDocument>> received = of(sha256);
        if (received.isEmpty() || received.get().isEmpty()) {
            return received;
        }
        List<PageDocument> pages = received.get();
        Optional<PublishedVersions.Published> publication = published.of(pages.get(0).sha256());
        if (publication.isEmpty()) {
            return received;
        }
        List<PageDocument> entries = new ArrayList<>(pages);
        if (publication.get().asReceived()) {
            pages.forEach(page -> entries.add(page.publishedPage(page.page(), page.text())));
        } else {
            List<String> texts = publication.get().pageTexts();
            for (int page = 0; page < texts.size(); page++) {
                entries.add(pages.get(0).publishedPage(page + 1, texts.get(page)));
            }
        }
        return Optional.of(entries);
    }

    /** The document's pages as received, or nothing if the document no longer exists. */
    Optional<List<PageDocument>> of(String sha256) {
        DocumentRecords.Details details;
        try {
            details = documents.details(sha256);
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        Authority authority = details.authorityCode() == null ? null
                : authorities.findAuthority(details.authorityCode()).orElse(null);
        String insee = authority == null ? null : authority.communeInsee();
        Commune commune = insee == null ? null : authorities.findCommune(insee).orElse(null);
        Long campaignId = details.requestReference() == null ? null
                : requests.find(RequestReference.parse(details.requestReference()))
                .map(RequestDetails::campaignId).orElse(null);
        Set<Technology> technologies = new LinkedHashSet<>();
        Set<String> vendors = new LinkedHashSet<>();
        for (DocumentRecords.Mention mention : details.mentions()) {
            mention.technologies().forEach(t -> technologies.add(Technology.valueOf(t)));
            if (mention.vendor() != null) {
                vendors.add(mention.vendor());
            }
        }
        for (DocumentRecords.Link link : details.links()) {
            // A proposed link is a guess until a volunteer confirms it: the text's own mentions already count.
            if ("CONFIRMED".equals(link.status())) {
                linked(link.deploymentId()).ifPresent(d -> {
                    technologies.add(d.technology());
                    if (d.vendor() != null) {
                        vendors.add(d.vendor());
                    }
                });
            }
        }
        LocalDate received = details.receipts().stream().map(DocumentRecords.Receipt::receivedAt)
                .min(Comparator.naturalOrder()).map(this::day).orElse(null);
        // A document with no known sender still needs an authority to be indexed under: it awaits triage.
        String authorityCode = details.authorityCode() == null ? UNKNOWN_AUTHORITY : details.authorityCode();
        List<PageDocument> pages = new ArrayList<>();
        for (DocumentRecords.Page page : documents.pages(details.sha256())) {
            pages.add(new PageDocument(details.sha256(), page.number(), page.text(),
                    details.title() != null ? details.title() : details.fileName(), authorityCode,
                    authority == null ? null : authority.name(), insee, commune == null ? null : commune.name(),
                    authority == null ? null : authority.departement(), authority == null ? null : authority.region(),
                    List.copyOf(technologies), List.copyOf(vendors), details.kind(), received,
                    details.requestReference(), campaignId));
        }
        return Optional.of(pages);
    }

    /** Where documents from an unknown sender are filed until a volunteer assigns them. */
    static final String UNKNOWN_AUTHORITY = "inconnu";

    private Optional<Deployment> linked(long deploymentId) {
        try {
            return Optional.of(registry.deployment(deploymentId));
        } catch (NotFoundException deleted) {
            return Optional.empty();
        }
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }
}

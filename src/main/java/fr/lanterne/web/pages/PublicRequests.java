package fr.lanterne.web.pages;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.Commune;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.requests.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What visitors may know of the requests that have published documents, and nothing more: the authority, the state,
 * the dated steps of the procedure (never who recorded them, nor the volunteers' notes), the documents published.
 * A request without a published document does not exist for them, whatever its reference.
 */
@Component
class PublicRequests {

    /** The requests of one page of the list. */
    static final int PAGE_SIZE = 20;

    /** The steps of the procedure visitors see; sending attempts, drafts, notes and channel changes stay inside. */
    private static final Set<EventType> PUBLIC_EVENTS = EnumSet.of(EventType.SENT, EventType.RECEIVED,
            EventType.TRANSMITTED, EventType.ANSWERED, EventType.PARTIALLY_ANSWERED, EventType.REFUSED,
            EventType.IMPLICITLY_REFUSED, EventType.REFERRED_TO_CADA, EventType.CADA_REGISTERED,
            EventType.CADA_OPINION, EventType.CONFIRMED_REFUSAL, EventType.IN_COURT, EventType.DOCUMENT_RECEIVED,
            EventType.WITHDRAWN, EventType.CLOSED);

    private final Requests requests;
    private final Documents documents;
    private final Authorities authorities;

    PublicRequests(Requests requests, Documents documents, Authorities authorities) {
        this.requests = requests;
        this.documents = documents;
        this.authorities = authorities;
    }

    /** A request as its public page shows it: no owner, no group, no campaign, no error message. */
    record PublicRequest(RequestReference reference, String authorityName, String communeInsee, String departement,
                         RequestStatus status, String template, LocalDate sentOn, LocalDate receivedOn) {

        static PublicRequest of(RequestDetails details) {
            return new PublicRequest(details.reference(), details.authorityName(), details.communeInsee(),
                    details.departement(), details.status(), details.template(), details.sentOn(),
                    details.dates().receivedOn());
        }
    }

    /** One dated step of the procedure. */
    record PublicEvent(LocalDate date, Instant recordedAt, EventType type) {
    }

    /** A line of the list. */
    record Row(PublicRequest request, Instant lastPublishedAt, int documents) {
    }

    /** One page of the list, with the filter that chose it. */
    record Listing(List<Row> rows, int total, int page, int pages, Commune commune, String departement) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** A published request with what visitors read of it. */
    record Published(RequestDetails details, PublicRequest request, List<PublicEvent> events,
                     List<DocumentRecords.Publication> publications) {

        /** The date of the last update of what is published here (CRPA L322-1 asks reusers to cite it). */
        Instant lastUpdate() {
            return publications.stream().map(DocumentRecords.Publication::publishedAt).max(Instant::compareTo)
                    .orElseThrow();
        }

        Instant firstPublication() {
            return publications.stream().map(DocumentRecords.Publication::publishedAt).min(Instant::compareTo)
                    .orElseThrow();
        }
    }

    /**
     * The request behind a reference, if it has a published document. An ill-formed reference (too long, wrong
     * shape) is refused like an unknown one: visitors learn nothing from the difference.
     */
    Published find(String reference) {
        RequestReference ref = parse(reference).orElseThrow(() -> notFound(reference));
        List<DocumentRecords.Publication> publications = documents.publicationsOf(ref);
        if (publications.isEmpty()) {
            throw notFound(ref.value());
        }
        RequestDetails details = requests.find(ref).orElseThrow(() -> notFound(ref.value()));
        List<PublicEvent> events = details.timeline().stream().filter(e -> PUBLIC_EVENTS.contains(e.type()))
                .map(PublicRequests::event).toList();
        return new Published(details, PublicRequest.of(details), events, publications);
    }

    /**
     * One page of the requests with published documents, the latest publication first.
     *
     * @param insee       only a town's (its town hall's), or null
     * @param departement only a département's (its town halls' and its préfecture's), or null
     */
    Listing list(String insee, String departement, int page) {
        if (page < 1 || page > 100_000) {
            throw new InvalidInputException("La page doit être un nombre entre 1 et 100 000.", Map.of("page", page));
        }
        Commune commune = null;
        String chosenDepartement = null;
        List<String> codes = null;
        if (insee != null && !insee.isBlank()) {
            commune = authorities.findCommune(insee.strip()).orElseThrow(() -> new InvalidInputException(
                    "Aucune commune n’a le code INSEE « " + shortened(insee) + " » : choisissez la commune depuis "
                            + "sa page.", Map.of("commune", shortened(insee))));
            codes = List.of(AuthorityCodes.townHall(commune.insee()));
        } else if (departement != null && !departement.isBlank()) {
            chosenDepartement = departement.strip().toUpperCase(Locale.ROOT);
            if (chosenDepartement.length() > 3) {
                throw new InvalidInputException("Le département « " + shortened(departement) + " » n’existe pas "
                        + "(exemples : 06, 2A, 974).", Map.of("departement", shortened(departement)));
            }
            codes = new ArrayList<>();
            for (String code : authorities.communeCodes(chosenDepartement, null)) {
                codes.add(AuthorityCodes.townHall(code));
            }
            codes.add(AuthorityCodes.prefecture(chosenDepartement));
        }
        int total = documents.countPublishedRequests(codes);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        for (DocumentRecords.PublishedRequest published : documents.publishedRequests(codes,
                (page - 1) * PAGE_SIZE, PAGE_SIZE)) {
            parse(published.requestReference()).flatMap(requests::find).ifPresent(details -> rows.add(
                    new Row(PublicRequest.of(details), published.lastPublishedAt(), published.documents())));
        }
        return new Listing(rows, total, page, pages, commune, chosenDepartement);
    }

    /** The requests of a town with a public page, for its town page. */
    List<String> ofTown(String insee) {
        return documents.publishedRequests(List.of(AuthorityCodes.townHall(insee)), 0, 50).stream()
                .map(DocumentRecords.PublishedRequest::requestReference).toList();
    }

    private static PublicEvent event(TimelineEvent e) {
        return new PublicEvent(e.date(), e.recordedAt(), e.type());
    }

    private static Optional<RequestReference> parse(String reference) {
        if (reference == null || reference.length() > 40) {
            return Optional.empty();
        }
        String text = reference.strip().toUpperCase(Locale.ROOT);
        return RequestReference.PATTERN.matcher(text).matches() ? Optional.of(new RequestReference(text))
                : Optional.empty();
    }

    static NotFoundException notFound(String reference) {
        return new NotFoundException("Aucune demande publiée n’a la référence « " + shortened(reference) + " » : "
                + "seules les demandes dont un document a été publié ont une page publique.",
                Map.of("reference", shortened(reference)));
    }

    /** A typed value quoted in a refusal, cut so that a page never repeats a pasted novel. */
    private static String shortened(String text) {
        String value = String.valueOf(text).strip();
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

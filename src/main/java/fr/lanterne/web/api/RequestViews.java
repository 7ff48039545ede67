package fr.lanterne.web.api;

import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.Deadlines;
import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The JSON shape of a request: its details, its timeline, and a link to its letter. */
@Component
class RequestViews {

    record RequestView(String reference, String status, String statusLabel, String channel, AuthorityLink authority,
                       String template, Long campaignId, String owner, Instant createdAt, LocalDate sentOn,
                       LocalDate receivedOn, String receiptEvidence, LocalDate answeredOn, LocalDate partialAnswerOn,
                       LocalDate refusedOn, LocalDate implicitRefusalOn, LocalDate cadaReferredOn,
                       LocalDate cadaRegisteredOn, LocalDate cadaOpinionOn, String lastError, Instant nextAttemptAt,
                       String letter, int version, List<Event> timeline, DeadlineChain deadlines,
                       String deadlinesNote, RemedyMentions remedies) {
    }

    record AuthorityLink(String code, String name, String insee, String departement) {
    }

    record Event(Instant recordedAt, LocalDate date, String type, String label, String actor, String detail) {
        static Event of(TimelineEvent e) {
            return new Event(e.recordedAt(), e.date(), e.type().name(), e.type().label(), e.actor(), e.detail());
        }
    }

    private final Deadlines deadlines;

    RequestViews(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    RequestView of(RequestDetails r) {
        DeadlineChain chain = deadlines.of(r).orElse(null);
        LegalDates d = r.dates();
        return new RequestView(r.reference().value(), r.status().name(), r.statusLabel(), r.channel().name(),
                new AuthorityLink(r.authorityCode(), r.authorityName(), r.communeInsee(), r.departement()),
                r.template(), r.campaignId(), r.owner(), r.createdAt(), r.sentOn(), d.receivedOn(), r.receiptEvidence(),
                d.answeredOn(), d.partialAnswerOn(), d.refusedOn(), d.implicitRefusalOn(), d.cadaReferredOn(),
                d.cadaRegisteredOn(), d.cadaOpinionOn(), r.lastError(), r.nextAttemptAt(),
                r.letterFile() == null ? null : "/api/requests/" + r.reference() + "/letter.pdf", r.version(),
                r.timeline().stream().map(Event::of).toList(), chain,
                chain == null && r.sentAt() != null ? "Enregistrez la date de réception de la demande : les délais "
                        + "légaux partent de là (CRPA R311-13) et Lanterne ne la devine pas." : null,
                r.remedies());
    }
}

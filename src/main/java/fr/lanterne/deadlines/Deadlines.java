package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.CommuneNotFoundException;
import fr.lanterne.authorities.InseeCode;
import fr.lanterne.requests.LegalDates;
import fr.lanterne.requests.RemedyMentions;
import fr.lanterne.requests.RequestDetails;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The deadlines module's API: the CRPA chain of a request, or of dates typed by someone. */
@Service
public class Deadlines {

    private final DeadlineCalculator calculator;
    private final Authorities authorities;

    Deadlines(DeadlineCalculator calculator, Authorities authorities) {
        this.calculator = calculator;
        this.authorities = authorities;
    }

    /** The chain of a request as of today; empty while its receipt date is unknown (it is never guessed). */
    public Optional<DeadlineChain> of(RequestDetails request) {
        return facts(request).map(calculator::explain);
    }

    public Optional<DeadlineChain> of(RequestDetails request, LocalDate asOf) {
        return facts(request).map(facts -> calculator.explain(facts, asOf));
    }

    /** The chain for dates given by hand, for a commune's town hall. */
    public DeadlineChain explain(LocalDate received, String insee, LocalDate refused, LocalDate cadaRegistered) {
        String departement = authorities.findCommune(insee).filter(c -> c.current())
                .map(c -> c.departement())
                .orElseThrow(() -> CommuneNotFoundException.forInsee(insee));
        return calculator.explain(factsOf(received, departement, refused, cadaRegistered));
    }

    static RequestFacts factsOf(LocalDate received, String departement, LocalDate refused, LocalDate cadaRegistered) {
        return factsOf(received, departement, refused, cadaRegistered, RemedyMentions.UNKNOWN);
    }

    static RequestFacts factsOf(LocalDate received, String departement, LocalDate refused, LocalDate cadaRegistered,
                                RemedyMentions remedies) {
        return RequestFacts.builder(received, departement)
                .dates(d -> d.withRefusedOn(refused).withCadaRegisteredOn(cadaRegistered))
                .acknowledgementRemedies(remedies.acknowledgement()).refusalRemedies(remedies.refusal()).build();
    }

    /** What the engine needs from a request; the département's holidays extend its deadlines. */
    static Optional<RequestFacts> facts(RequestDetails r) {
        LegalDates dates = r.dates();
        if (dates.receivedOn() == null) {
            return Optional.empty();
        }
        String departement = r.departement() != null ? r.departement()
                : InseeCode.of(r.communeInsee()).departement();
        return Optional.of(RequestFacts.ofRecorded(Departement.of(departement), r.sentOn(), dates,
                r.remedies()));
    }
}

package fr.lanterne.deadlines;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Commune;
import fr.lanterne.letters.Letters;
import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A volunteer's upcoming legal dates as an iCalendar feed, for their own calendar app: for each open request whose
 * receipt date is known, the steps still ahead (implicit refusal, CADA referral deadline, court deadline…), each on
 * its safe date with its explanation and articles.
 */
@Service
public class CalendarFeed {

    private final Requests requests;
    private final Authorities authorities;
    private final Letters letters;
    private final DeadlineCalculator calculator;
    private final Clock clock;

    CalendarFeed(Requests requests, Authorities authorities, Letters letters, DeadlineCalculator calculator,
                 Clock clock) {
        this.requests = requests;
        this.authorities = authorities;
        this.letters = letters;
        this.calculator = calculator;
        this.clock = clock;
    }

    public String of(String owner) {
        LocalDate today = LocalDate.now(clock);
        List<IcsEvent> events = new ArrayList<>();
        Map<Long, String> places = new HashMap<>();
        for (RequestDates r : requests.openRequestsOf(owner)) {
            if (r.dates().receivedOn() == null) {
                continue;
            }
            DeadlineChain chain = calculator.explain(RequestFacts.ofRecorded(Departement.of(r.departement()),
                    r.sentOn(), r.dates(), r.remedies()), today);
            for (Deadline step : chain.steps()) {
                if (step.kind() != DeadlineKind.FACT && !step.earliest().isBefore(today)) {
                    events.add(IcsEvent.forDeadline(r.reference().value(),
                            places.computeIfAbsent(r.authorityId(), this::place), r.reference().value(),
                            title(r.template()), step));
                }
            }
        }
        return new IcsCalendar("Lanterne — échéances de " + owner, clock).write(events);
    }

    /** A town hall is its town ("Nice"); another body is its own name ("Préfecture des Alpes-Maritimes"). */
    private String place(long authorityId) {
        Authority authority = authorities.authority(authorityId);
        if (authority.kind() == AuthorityKind.TOWN_HALL && authority.communeInsee() != null) {
            return authorities.findCommune(authority.communeInsee()).map(Commune::name).orElse(authority.name());
        }
        return authority.name();
    }

    private String title(String template) {
        return letters.templates().all().stream().filter(t -> t.id().equals(template)).findFirst()
                .map(t -> t.title()).orElse(template);
    }
}

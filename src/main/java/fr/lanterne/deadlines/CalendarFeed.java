package fr.lanterne.deadlines;

import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A volunteer's upcoming legal dates as an iCalendar feed, for their own calendar app: for each open request whose
 * receipt date is known, the steps still ahead (implicit refusal, CADA referral deadline, court deadline…), each on
 * its safe date with its explanation and articles.
 */
@Service
public class CalendarFeed {

    private final Requests requests;
    private final DeadlineCalculator calculator;
    private final Clock clock;

    CalendarFeed(Requests requests, DeadlineCalculator calculator, Clock clock) {
        this.requests = requests;
        this.calculator = calculator;
        this.clock = clock;
    }

    public String of(String owner) {
        LocalDate today = LocalDate.now(clock);
        List<IcsEvent> events = new ArrayList<>();
        for (RequestDates r : requests.openRequestsOf(owner)) {
            if (r.receivedOn() == null) {
                continue;
            }
            DeadlineChain chain = calculator.explain(RequestFacts.builder(r.receivedOn(), r.departement())
                    .sent(r.sentOn()).partialAnswer(r.partialAnswerOn()).expressRefusal(r.refusedOn())
                    .cadaRegistered(r.cadaRegisteredOn()).cadaOpinion(r.cadaOpinionOn())
                    .confirmedRefusal(r.confirmedRefusalOn()).fullAnswer(r.answeredOn()).withdrawn(r.withdrawnOn())
                    .build(), today);
            for (Deadline step : chain.steps()) {
                if (step.kind() != DeadlineKind.FACT && !step.earliest().isBefore(today)) {
                    events.add(IcsEvent.forDeadline(r.reference(), r.reference() + " (" + r.template() + ")", step));
                }
            }
        }
        return new IcsCalendar("Lanterne — échéances de " + owner, clock).write(events);
    }
}

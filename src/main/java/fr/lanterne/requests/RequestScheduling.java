package fr.lanterne.requests;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the queued emails that are due (new ones and retries), every minute, in the web application. */
@Component
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true}")
class RequestScheduling {

    private final RequestDispatcher dispatcher;

    RequestScheduling(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${lanterne.requests.dispatch-interval:PT1M}", initialDelayString = "PT30S")
    void dispatch() {
        dispatcher.recoverInterrupted();
        // Until the requester identity is complete the queue waits; the pages say so in their banner.
        if (dispatcher.maySend()) {
            dispatcher.sendDue(null, 500, () -> { });
        }
    }
}

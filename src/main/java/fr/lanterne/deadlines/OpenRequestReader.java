package fr.lanterne.deadlines;

import fr.lanterne.requests.RequestDates;
import fr.lanterne.requests.Requests;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Open requests in id order, resuming after the last id of the last finished chunk. */
class OpenRequestReader implements ItemStreamReader<RequestDates> {
    private static final String LAST_ID = "nightly.openRequests.lastId";
    private final Requests requests;
    private List<RequestDates> page = List.of();
    private int next;
    private long lastId;

    OpenRequestReader(Requests requests) {
        this.requests = requests;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.getLong(LAST_ID, 0L);
    }

    @Override
    public RequestDates read() {
        if (next == page.size()) {
            page = requests.openRequestsAfter(lastId, NightlyJobConfiguration.PAGE);
            next = 0;
            if (page.isEmpty()) {
                return null;
            }
        }
        RequestDates item = page.get(next++);
        lastId = item.id();
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_ID, lastId);
    }
}

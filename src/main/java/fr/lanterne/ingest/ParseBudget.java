package fr.lanterne.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time one parse may take, shared by the thread that parses (which checks it at every piece of content and stops
 * itself) and the thread that waits (which gives up on a parse that does not stop). Each page sent to OCR adds its
 * own allowance, so a long scan is not cut short by the parsing timeout.
 */
final class ParseBudget {

    enum State { RUNNING, FINISHED, ABANDONED }

    private final long start;
    private final long parseNanos;
    private final long ocrPageNanos;
    private final AtomicInteger ocrPages = new AtomicInteger();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile boolean cancelled;

    ParseBudget(long parseNanos, long ocrPageNanos) {
        this.start = System.nanoTime();
        this.parseNanos = parseNanos;
        this.ocrPageNanos = ocrPageNanos;
    }

    /** Counts a page handed to OCR; returns how many have been, this one included. */
    int ocrStarted() {
        return ocrPages.incrementAndGet();
    }

    int ocrPages() {
        return ocrPages.get();
    }

    long remainingNanos() {
        return start + parseNanos + ocrPages.get() * ocrPageNanos - System.nanoTime();
    }

    boolean expired() {
        return cancelled || remainingNanos() <= 0;
    }

    void cancel() {
        cancelled = true;
    }

    long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Called by the parsing thread when it ends; true if the waiting thread had already given up on it. */
    boolean finish() {
        return !state.compareAndSet(State.RUNNING, State.FINISHED);
    }

    /** Called by the waiting thread; true if the parse was still running and is now left to end on its own. */
    boolean abandon() {
        return state.compareAndSet(State.RUNNING, State.ABANDONED);
    }
}

package fr.lanterne.requests;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts the sent and answered requests of one group, and the delays of their first answers. */
final class ResponseTally {

    private int sent;
    private final List<Long> delays = new ArrayList<>();

    /** @param firstAnswerOn null while the authority has not answered */
    void add(LocalDate sentOn, LocalDate receivedOn, LocalDate firstAnswerOn) {
        sent++;
        if (firstAnswerOn != null) {
            delays.add(delayDays(sentOn, receivedOn, firstAnswerOn));
        }
    }

    Statistics.Responses result(String key, String label) {
        return new Statistics.Responses(key, label, sent, delays.size(), median(delays));
    }

    /**
     * Days from the date the authority received the request to its first answer. The legal clock starts at receipt
     * (CRPA R311-13); without a receipt date, or with one recorded after the answer, sending is the start.
     */
    static long delayDays(LocalDate sentOn, LocalDate receivedOn, LocalDate firstAnswerOn) {
        LocalDate start = receivedOn != null && !receivedOn.isAfter(firstAnswerOn) ? receivedOn : sentOn;
        return ChronoUnit.DAYS.between(start, firstAnswerOn);
    }

    /** The middle value, or the mean of the two middle ones; null for no value. */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle).doubleValue()
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}

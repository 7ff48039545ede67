package fr.lanterne.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A window for acting: the date safe under every reading, the most generous one, and what each rests on (in the words
 * of {@link ChainExplanation}), with the notes that explain how it moved.
 */
record ActionWindow(LocalDate earliest, LocalDate latest, String strictReading, String generousReading,
        List<String> notes) {

    ActionWindow {
        notes = List.copyOf(notes);
    }

    ActionWindow(LocalDate earliest, LocalDate latest, String strictReading, String generousReading) {
        this(earliest, latest, strictReading, generousReading, List.of());
    }

    ActionWindow widenedTo(ActionWindow later, String note) {
        if (!later.latest.isAfter(latest)) {
            return withNote(note);
        }
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new ActionWindow(earliest, later.latest, strictReading, later.generousReading, all);
    }

    boolean disputed() {
        return !earliest.equals(latest);
    }

    ActionWindow withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new ActionWindow(earliest, latest, strictReading, generousReading, all);
    }
}

package fr.lanterne.authorities;

import java.util.ArrayList;
import java.util.List;

/** IN lists and batches stay at a size the server and the driver handle well. */
final class InLists {

    static final int SIZE = 1_000;

    private InLists() {
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }

    static String placeholders(List<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}

package fr.lanterne.web;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/**
 * A request body longer than Lanterne reads ({@code lanterne.web.max-body-size}); an {@link IOException} so that it
 * travels through the JSON reader to the exception handlers, which answer 413.
 */
public class BodyTooLargeException extends IOException {

    private final DataSize limit;

    BodyTooLargeException(DataSize limit) {
        super(sentence(limit));
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** The sentence the API and the pages show. */
    public static String sentence(DataSize limit) {
        return "Le corps de la requête dépasse " + readable(limit) + ", la taille la plus grande que Lanterne "
                + "accepte ici ; envoyez moins de données à la fois (un fichier se dépose avec POST /api/documents).";
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mo";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " Ko";
        }
        return bytes + " octets";
    }
}

package fr.lanterne.ingest;

import java.io.EOFException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;

/** What a parse that threw means for a volunteer: the quarantine reason and its sentence, from the exception. */
final class ParseFailures {

    private ParseFailures() {
    }

    /**
     * @param type    the file's type, null when it could not be detected
     * @param partial the text read before the failure, null when there is none
     */
    static Outcome.Quarantined quarantined(Content content, DetectedType type, Throwable thrown, Extraction partial) {
        String name = "« " + content.name() + " »";
        StopParsing stop = StopParsing.findIn(thrown);
        if (stop != null) {
            return new Outcome.Quarantined(stop.reason(), "Fichier " + name + " : " + stop.detail(), partial);
        }
        if (has(thrown, EncryptedDocumentException.class)) {
            return new Outcome.Quarantined(QuarantineReason.ENCRYPTED,
                    "Le fichier " + name + " est chiffré par un mot de passe.");
        }
        if (has(thrown, ZeroByteFileException.class)) {
            return new Outcome.Quarantined(QuarantineReason.EMPTY, "Le fichier " + name + " est vide.");
        }
        if (has(thrown, OutOfMemoryError.class)) {
            return new Outcome.Quarantined(QuarantineReason.OUT_OF_MEMORY,
                    "La lecture de " + name + " a épuisé la mémoire disponible.", partial);
        }
        String message = rootMessage(thrown);
        if (message.contains("Zip bomb")) {
            return new Outcome.Quarantined(QuarantineReason.ARCHIVE_LIMITS,
                    "Le fichier " + name + " se décompresse dans des proportions anormales (" + message + ").");
        }
        if (PdfInspection.truncated(type, content) || has(thrown, EOFException.class)) {
            return new Outcome.Quarantined(QuarantineReason.TRUNCATED,
                    "Le fichier " + name + " s'arrête avant sa fin (" + message + ").", partial);
        }
        String kind = type == null ? "" : " (" + type.mediaType() + ")";
        return new Outcome.Quarantined(QuarantineReason.CORRUPT,
                "Le fichier " + name + kind + " n'a pas pu être lu : " + message + ".", partial);
    }

    private static boolean has(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}

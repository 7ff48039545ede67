package fr.lanterne.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * The kinds of file Lanterne takes in, decided from what Tika reads in the bytes, never from the name: what an
 * authority sends back is a PDF, an office document, an image, a text, an email or a zip of those. A program, a
 * script, a video or bytes of no known format go to quarantine, whatever their name announces (a program named
 * {@code .pdf} would otherwise become a one-page empty "document" served to every researcher).
 */
final class AcceptedTypes {

    private static final Set<String> ACCEPTED = Set.of(
            "application/pdf",
            // Office formats; Tika's generic OLE2 / OOXML containers too, so that an encrypted or unusual office file
            // reaches the parser, which says what is wrong with it (a password, a corrupt part).
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.presentation",
            "application/rtf",
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/x-tika-ooxml-protected",
            "image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp", "image/webp",
            "text/plain", "text/csv", "text/html", "application/xhtml+xml",
            "message/rfc822", "application/vnd.ms-outlook",
            "application/zip");

    /** What a name announces, for « … n’est pas un PDF ». */
    private static final Map<String, String> ANNOUNCED = Map.ofEntries(
            Map.entry("application/pdf", "un PDF"),
            Map.entry("application/msword", "un document Word"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "un document Word"),
            Map.entry("application/vnd.oasis.opendocument.text", "un document texte OpenDocument"),
            Map.entry("application/vnd.ms-excel", "un tableur Excel"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "un tableur Excel"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "un tableur OpenDocument"),
            Map.entry("application/vnd.ms-powerpoint", "une présentation PowerPoint"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "une présentation PowerPoint"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "une présentation OpenDocument"),
            Map.entry("application/rtf", "un document RTF"),
            Map.entry("text/plain", "un fichier texte"),
            Map.entry("text/csv", "un fichier CSV"),
            Map.entry("text/html", "une page HTML"),
            Map.entry("message/rfc822", "un courriel"),
            Map.entry("application/vnd.ms-outlook", "un courriel Outlook"),
            Map.entry("application/zip", "une archive zip"));

    private AcceptedTypes() {
    }

    /**
     * Why the file is refused, in French; empty when it is taken in.
     *
     * @param byContent what the bytes alone are
     * @param byName    what the name announces ({@code application/octet-stream} when it says nothing)
     * @param combined  the bytes refined by the name (plain text named {@code .csv} is CSV)
     */
    static Optional<String> refusal(String fileName, MediaType byContent, MediaType byName, MediaType combined,
                                    MediaTypeRegistry registry, byte[] head) {
        MediaType content = registry.normalize(byContent.getBaseType());
        MediaType refined = registry.normalize(combined.getBaseType());
        if (accepted(refined) && !content.equals(MediaType.OCTET_STREAM)
                && (accepted(content) || registry.isSpecializationOf(refined, content))) {
            return Optional.empty();
        }
        // Tika calls text in Windows-1252 with curly quotes or € (bytes 0x80-0x9F) binary: text by its name, taken in
        // when its bytes hold no control characters; noise and programs have plenty.
        if (accepted(refined) && content.equals(MediaType.OCTET_STREAM)
                && registry.isInstanceOf(refined, MediaType.TEXT_PLAIN) && looksLikeText(head)) {
            return Optional.empty();
        }
        // Text whose name announces some other kind of text (a script named .sh): still read as the text it is.
        if (content.equals(MediaType.TEXT_PLAIN)) {
            return Optional.empty();
        }
        String what = description(content);
        MediaType announced = registry.normalize(byName.getBaseType());
        String claim = ANNOUNCED.getOrDefault(announced.toString(), announced.getType().equals("image") ? "une image"
                : null);
        String sentence = claim != null && !announced.equals(content)
                ? "« " + fileName + " » n’est pas " + claim + " : c’est " + what
                : "« " + fileName + " » est " + what;
        return Optional.of(sentence + " (" + content + ") — type refusé.");
    }

    /** No NUL and hardly any other control character (tab, line ends, form feed and escape aside). */
    static boolean looksLikeText(byte[] head) {
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                controls++;
            }
        }
        return controls * 100 <= head.length;
    }

    static boolean accepted(MediaType type) {
        return ACCEPTED.contains(type.getBaseType().toString());
    }

    /** What the content is, in a few French words. */
    private static String description(MediaType type) {
        String name = type.toString();
        if (name.equals("application/octet-stream")) {
            return "un contenu de format inconnu";
        }
        if (name.startsWith("application/x-elf") || name.equals("application/x-executable")
                || name.equals("application/x-sharedlib") || name.equals("application/x-msdownload")
                || name.equals("application/x-dosexec") || name.startsWith("application/x-mach-o")
                || name.equals("application/x-coredump") || name.equals("application/java-vm")) {
            return "un programme";
        }
        if (name.equals("application/x-sh") || name.equals("application/x-bat") || name.equals("text/x-python")
                || name.equals("application/javascript") || name.equals("text/javascript")
                || name.equals("text/x-perl") || name.equals("application/x-powershell")) {
            return "un script";
        }
        if (name.equals("application/java-archive") || name.equals("application/vnd.android.package-archive")) {
            return "un programme Java ou Android";
        }
        if (name.equals("application/x-tar") || name.equals("application/gzip") || name.equals("application/x-gzip")
                || name.equals("application/x-7z-compressed") || name.equals("application/x-rar-compressed")
                || name.equals("application/x-bzip2") || name.equals("application/x-xz")
                || name.equals("application/vnd.debian.binary-package") || name.equals("application/x-rpm")) {
            return "une archive d’un format que Lanterne ne déballe pas (seul le zip l’est)";
        }
        return switch (type.getType()) {
            case "audio" -> "un fichier audio";
            case "video" -> "une vidéo";
            case "image" -> "une image d’un format non accepté";
            case "font" -> "une police de caractères";
            default -> "un fichier d’un type non accepté";
        };
    }
}

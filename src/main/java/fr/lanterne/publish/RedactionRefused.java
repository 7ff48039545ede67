package fr.lanterne.publish;

import fr.lanterne.shared.InvalidInputException;
import java.util.Map;

/** A file or a box the engine refuses, with a French sentence saying why; nothing is produced. */
public final class RedactionRefused extends InvalidInputException {

    private RedactionRefused(String message, Map<String, Object> details) {
        super(message, details);
    }

    public static RedactionRefused notAPdf() {
        return new RedactionRefused("Ce fichier n’est pas un PDF lisible : il ne peut pas être occulté ni publié.",
                Map.of());
    }

    public static RedactionRefused encrypted() {
        return new RedactionRefused("Ce PDF est chiffré (protégé par un mot de passe ou des restrictions) : "
                + "Lanterne ne l’occulte pas. Demandez à l’administration une version non protégée.", Map.of());
    }

    public static RedactionRefused noSuchPage(int page, int pages) {
        return new RedactionRefused("Une zone à occulter est placée en page " + page + ", mais le document a "
                + fr.lanterne.shared.FrenchCount.of(pages, "page", "pages") + ".", Map.of("page", page, "pages", pages));
    }

    public static RedactionRefused outsidePage(PdfRect box, float width, float height) {
        return new RedactionRefused(String.format(java.util.Locale.FRANCE,
                "Une zone à occulter dépasse de la page %d (%.0f × %.0f points) : redessinez-la dans la page.",
                box.page(), width, height), Map.of("page", box.page()));
    }

    public static RedactionRefused unrenderable(int page, String reason) {
        return new RedactionRefused("La page " + page + " ne peut pas être rendue en image (" + reason
                + ") : le document ne peut pas être occulté.", Map.of("page", page));
    }
}

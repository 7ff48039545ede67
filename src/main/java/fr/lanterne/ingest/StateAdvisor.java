package fr.lanterne.ingest;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Suggests the new state of a request from the documents of its reply:
 * <ul>
 * <li>a refusal letter alone, or with nothing but cover letters: refused;</li>
 * <li>a refusal letter beside documents, or a letter that says part is withheld or will follow: partly answered;</li>
 * <li>documents of a requested kind, or a letter saying the documents do not exist: answered;</li>
 * <li>anything else: unknown, for a volunteer to read.</li>
 * </ul>
 */
public final class StateAdvisor {

    /** Below this, a document of no recognised kind is taken for a cover letter rather than a requested document. */
    private static final int SUBSTANTIAL_CHARACTERS = 3_000;

    private static final Pattern PARTIAL = pattern(
            "partiellement|en partie|certain(e)?s (pieces|documents|informations) (ne|n'|ont ete occult)"
            + "|occult(e|es|ees|ation)|les autres (documents|pieces) (vous )?(seront|sont en cours)"
            + "|dans un (second|deuxieme) temps|(envoi|transmission|communication) (ulterieur|partiel)(e)?"
            + "|a l'exception");
    private static final Pattern DOES_NOT_EXIST = pattern(
            "(n'existe|n'existent) pas|ne (detenons|detient|disposons|dispose|possede|possedons) (pas|aucun)"
            + "|aucun (document|marche|contrat|dispositif|systeme) (n'a ete|ne correspond)|document inexistant");

    private static Pattern pattern(String regex) {
        return Pattern.compile("(?<![\\p{L}])(?:" + regex + ")(?![\\p{L}])");
    }

    public StateSuggestion suggest(List<ReplyDocument> documents) {
        if (documents.isEmpty()) {
            return new StateSuggestion(SuggestedState.UNKNOWN, "La réponse ne contient aucun document lisible.");
        }
        List<ReplyDocument> refusals = documents.stream().filter(d -> d.kind() == DocumentKind.REFUSAL_LETTER).toList();
        List<ReplyDocument> substantive = documents.stream().filter(StateAdvisor::isSubstantive).toList();
        boolean partial = documents.stream().anyMatch(d -> PARTIAL.matcher(Folding.fold(d.text())).find());

        if (!refusals.isEmpty() && !substantive.isEmpty()) {
            return new StateSuggestion(SuggestedState.PARTLY_ANSWERED, "Un courrier de refus (" + names(refusals)
                    + ") accompagne " + count(substantive) + " (" + names(substantive) + ") : réponse partielle.");
        }
        if (!refusals.isEmpty()) {
            return partial
                    ? new StateSuggestion(SuggestedState.PARTLY_ANSWERED, "Le courrier de refus (" + names(refusals)
                            + ") indique qu'une partie seulement est refusée ou occultée.")
                    : new StateSuggestion(SuggestedState.REFUSED, "La réponse est un courrier de refus ("
                            + names(refusals) + ") sans document communiqué.");
        }
        if (!substantive.isEmpty()) {
            return partial
                    ? new StateSuggestion(SuggestedState.PARTLY_ANSWERED, "La réponse communique " + count(substantive)
                            + " (" + names(substantive) + ") mais annonce qu'une partie manque, suivra ou est occultée.")
                    : new StateSuggestion(SuggestedState.ANSWERED, "La réponse communique " + count(substantive)
                            + " (" + names(substantive) + ").");
        }
        List<ReplyDocument> none = documents.stream()
                .filter(d -> DOES_NOT_EXIST.matcher(Folding.fold(d.text())).find()).toList();
        if (!none.isEmpty()) {
            return new StateSuggestion(SuggestedState.ANSWERED, "L'administration déclare que les documents "
                    + "demandés n'existent pas ou qu'elle ne les détient pas (" + names(none) + ") : c'est une réponse, "
                    + "à vérifier (elle peut aussi indiquer qui les détient).");
        }
        return new StateSuggestion(SuggestedState.UNKNOWN, "Aucun document demandé ni refus n'a été reconnu dans "
                + names(documents) + " : à lire.");
    }

    private static boolean isSubstantive(ReplyDocument document) {
        return switch (document.kind()) {
            case REFUSAL_LETTER -> false;
            case OTHER -> document.text().length() >= SUBSTANTIAL_CHARACTERS || document.pages() > 2;
            default -> true;
        };
    }

    private static String count(List<ReplyDocument> documents) {
        return documents.size() == 1 ? "1 document" : documents.size() + " documents";
    }

    private static String names(List<ReplyDocument> documents) {
        return documents.stream().map(d -> "« " + d.name() + " », " + d.kind().label())
                .collect(Collectors.joining(" ; "));
    }
}

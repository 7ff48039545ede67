package fr.lanterne.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Suggests the new state of a request from the documents of its reply:
 * <ul>
 * <li>a refusal letter alone, or with nothing but cover letters: refused;</li>
 * <li>a refusal letter beside documents, or a letter that says part is withheld or will follow: partly answered;</li>
 * <li>no requested document, but a letter saying the documents are already published (CRPA L311-2): refers to a
 * publication, with the addresses it gives;</li>
 * <li>documents of a requested kind, or a letter saying the documents do not exist: answered;</li>
 * <li>anything else: unknown, for a volunteer to read.</li>
 * </ul>
 */
final class StateAdvisor {

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

    /*
     * "Already published": CRPA L311-2 ("le droit à communication ne s'exerce plus lorsque les documents font l'objet
     * d'une diffusion publique"). Only the past or the present counts: "sera publié au recueil des actes" announces a
     * publication that does not exist yet, so the lookbehind leaves out availability that is denied or to come.
     */
    private static final String PARTICIPLE = "(publie|publiee|publies|publiees|diffuse|diffusee|diffuses|diffusees"
            + "|mis en ligne|mise en ligne|mises en ligne)";
    private static final Pattern PUBLISHED = pattern(
            "(fait|font|a fait|ont fait|faisant|faisait|faisaient) l'objet d'une diffusion publique"
            + "|deja (ete )?(" + PARTICIPLE + "|en ligne|disponibles? (en ligne|sur))"
            + "|(a|ont) (deja )?ete " + PARTICIPLE
            + "|(est|sont) " + PARTICIPLE + " (au|a la|sur|dans|en)"
            + "|(?<!(pas|plus|sera|seront|serait|seraient|encore|prochainement|bientot|ulterieurement) )"
            + "(disponibles?|consultables?|accessibles?|telechargeables?) (librement |gratuitement |publiquement )?"
            + "(en ligne|sur (le|notre|son|leur|votre) (site|portail)|sur internet|a l'adresse|(a partir du|via le|par "
            + "le) lien)");
    /** A web address in the original text; the punctuation that ends a sentence is not part of it. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"«»()\\[\\]]+");

    private static Pattern pattern(String regex) {
        return Pattern.compile("(?<![\\p{L}])(?:" + regex + ")(?![\\p{L}])");
    }

    public StateSuggestion suggest(List<ReplyDocument> documents) {
        if (documents.isEmpty()) {
            return new StateSuggestion(SuggestedState.UNKNOWN, "La réponse ne contient aucun document lisible.");
        }
        List<ReplyDocument> refusals = documents.stream().filter(d -> d.kind() == DocumentKind.REFUSAL_LETTER).toList();
        List<ReplyDocument> substantive = documents.stream().filter(StateAdvisor::isSubstantive).toList();

        List<ReplyDocument> published = documents.stream()
                .filter(d -> PUBLISHED.matcher(Folding.fold(d.text())).find()).toList();
        // Before the refusal: a letter that declines to send what is public is the L311-2 case, to check, not to fight;
        // a separate refusal letter still makes it a refusal (with the note below).
        if (substantive.isEmpty() && !published.isEmpty() && published.containsAll(refusals)) {
            return new StateSuggestion(SuggestedState.REFERS_TO_PUBLICATION, "L'administration indique que les "
                    + "documents sont déjà publiés (" + names(published) + ")" + addresses(published) + ". "
                    + PUBLICATION_NOTE);
        }

        StateSuggestion suggestion = fromDocuments(documents, refusals, substantive);
        // Documents sent beside a pointer to a publication: the state stands, the volunteer checks the rest is there.
        return published.isEmpty() ? suggestion : new StateSuggestion(suggestion.state(), suggestion.reason()
                + " La réponse renvoie aussi à une publication (" + names(published) + ")" + addresses(published)
                + ". " + PUBLICATION_NOTE);
    }

    private static StateSuggestion fromDocuments(List<ReplyDocument> documents, List<ReplyDocument> refusals,
            List<ReplyDocument> substantive) {
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
                            + " (" + names(substantive) + ") mais annonce qu'une partie manque, suivra ou est "
                            + "occultée.")
                    : new StateSuggestion(SuggestedState.ANSWERED, "La réponse communique " + count(substantive)
                            + " (" + names(substantive) + ").");
        }
        List<ReplyDocument> none = documents.stream()
                .filter(d -> DOES_NOT_EXIST.matcher(Folding.fold(d.text())).find()).toList();
        if (!none.isEmpty()) {
            return new StateSuggestion(SuggestedState.ANSWERED, "L'administration déclare que les documents "
                    + "demandés n'existent pas ou qu'elle ne les détient pas (" + names(none)
                    + ") : c'est une réponse, à vérifier (elle peut aussi indiquer qui les détient).");
        }
        return new StateSuggestion(SuggestedState.UNKNOWN, "Aucun document demandé ni refus n'a été reconnu dans "
                + names(documents) + " : à lire.");
    }

    /*
     * CRPA L311-2 spares only documents really disseminated: accessible without difficulty of place, technique or price
     * (CADA). L342-1: a refusal of communication or of publication can be referred to the CADA.
     */
    static final String PUBLICATION_NOTE = "Avant de clore la demande, vérifiez que l'adresse donnée contient bien "
            + "les documents demandés, complets et dans leur version définitive : l'article L311-2 du CRPA ne dispense "
            + "l'administration de les communiquer que s'ils font réellement l'objet d'une diffusion publique, "
            + "librement accessible. Si la publication n'existe pas, est incomplète ou inaccessible, ou si "
            + "l'administration refuse de publier ou de communiquer les documents, la CADA peut être saisie (article "
            + "L342-1 du CRPA).";

    /** The web addresses the documents give, at most three, as the end of a French sentence. */
    static String addresses(List<ReplyDocument> documents) {
        Set<String> found = new LinkedHashSet<>();
        for (ReplyDocument document : documents) {
            Matcher matcher = URL.matcher(document.text());
            while (matcher.find() && found.size() < 3) {
                found.add(matcher.group().replaceAll("[.,;:!?'\u2019]+$", ""));
            }
        }
        if (found.isEmpty()) {
            return ", sans donner d'adresse : demandez-la";
        }
        return (found.size() == 1 ? ", à l'adresse " : ", aux adresses ") + String.join(" ; ", found);
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

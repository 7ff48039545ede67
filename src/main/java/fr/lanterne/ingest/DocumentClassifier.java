package fr.lanterne.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the kind of a received document from French phrases in its title and first pages, each phrase with a weight.
 * The title counts three times, the first page twice, the next two pages once; a phrase counts at most three times
 * per place. Rules over folded text (lower case, no accents), so "DÉLIBÉRATION" and "deliberation" are one phrase.
 */
final class DocumentClassifier {

    private record Rule(DocumentKind kind, Pattern pattern, int weight) {
    }

    private static final int PAGES_READ = 3;
    private static final int MINIMUM_SCORE = 6;
    private static final int MAX_COUNT = 3;
    private static final List<Rule> RULES = new ArrayList<>();

    static {
        DocumentKind k = DocumentKind.DELIBERATION;
        rule(k, 6, "extrait du registre des deliberations");
        rule(k, 5, "apres en avoir delibere");
        rule(k, 3, "deliberation");
        rule(k, 2, "conseil municipal|conseil communautaire|conseil metropolitain");
        rule(k, 2, "conseillers (en exercice|presents|votants)|nombre de (conseillers|membres)");
        rule(k, 2, "adopte a l'unanimite|a l'unanimite des membres|pour ?: ?\\d+.{0,20}contre ?: ?\\d+");
        rule(k, 1, "seance (publique )?du|ordre du jour|rapporteur");
        k = DocumentKind.PUBLIC_CONTRACT;
        rule(k, 6, "cahier des clauses (techniques|administratives) particulieres");
        rule(k, 5, "acte d'engagement|dossier de consultation des entreprises|reglement de (la )?consultation");
        rule(k, 4, "cctp|ccap|bordereau des prix( unitaires)?|avis d'appel public a la concurrence");
        rule(k, 3, "marche public|marches publics|code de la commande publique|pouvoir adjudicateur|titulaire du "
                + "marche");
        rule(k, 3, "dce|bpu|dpgf|detail quantitatif estimatif|accord-cadre");
        rule(k, 1, "marche|candidat|offre|lot n");
        k = DocumentKind.IMPACT_ASSESSMENT;
        rule(k, 8, "analyse d'impact relative a la protection des donnees");
        rule(k, 6, "aipd|dpia|etude d'impact sur la vie privee|analyse d'impact");
        rule(k, 3, "risques? pour les droits et libertes|necessite et (de la )?proportionnalite");
        rule(k, 2, "article 35|delegue a la protection des donnees|rgpd|reglement general sur la protection des "
                + "donnees");
        rule(k, 1, "cnil|sous-traitant|responsable (du|de) traitement|duree de conservation");
        k = DocumentKind.PREFECTORAL_ORDER;
        rule(k, 6, "arrete prefectoral");
        rule(k, 5, "autoris\\w* .{0,40}(installer|exploiter) un systeme de videoprotection");
        rule(k, 4, "le prefet|la prefete|prefet de (la|l'|police|region)|commission departementale de videoprotection");
        rule(k, 3, "^\\s*arrete\\s*:?\\s*$");
        rule(k, 2, "code de la securite interieure|l\\.? ?25[1-5]-\\d|prefecture|sous-prefecture");
        k = DocumentKind.AGREEMENT;
        rule(k, 5, "il (a ete|est) convenu (et arrete )?ce qui suit|entre les soussignes");
        rule(k, 4, "convention");
        rule(k, 3, "d'une part|d'autre part|les parties (conviennent|signataires)");
        rule(k, 1, "partenariat|mise a disposition|avenant");
        k = DocumentKind.INVOICE;
        rule(k, 6, "facture|net a payer");
        rule(k, 4, "numero de facture|facture n|total ttc|montant ttc|total ht");
        rule(k, 2, "tva|date d'echeance|conditions de paiement|siret|iban|reglement a reception");
        k = DocumentKind.REFUSAL_LETTER;
        rule(k, 8, "ne (peut|peuvent|pourra|pourront|saurait|sauraient) (pas )?(vous )?etre "
                + "(communique|transmis|accorde)");
        rule(k, 8, "(ne sont|n'est) pas communicables?|non communicables?");
        rule(k, 7, "ne (sommes|suis) pas en mesure de (vous )?(communiquer|transmettre|donner suite)");
        rule(k, 6, "(refusons|refuse|rejette|rejetons) (la|votre) (communication|demande)|refus de communication");
        rule(k, 5, "l\\.? ?311-5|l\\.? ?311-6|secret des affaires|atteinte a la securite publique");
        rule(k, 3, "je suis au regret|nous sommes au regret|au regret de vous informer|ne pouvons donner suite");
        rule(k, 2, "refus|voies et delais de recours|commission d'acces aux documents administratifs|cada");
    }

    private static void rule(DocumentKind kind, int weight, String regex) {
        String bounded = "(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])";
        RULES.add(new Rule(kind, Pattern.compile(bounded, Pattern.MULTILINE), weight));
    }

    public Classification classify(Extraction extraction) {
        List<String> places = new ArrayList<>();
        List<Integer> factors = new ArrayList<>();
        if (extraction.metadata().title() != null) {
            places.add(extraction.metadata().title());
            factors.add(3);
        }
        List<Page> pages = extraction.firstPages(PAGES_READ);
        for (int i = 0; i < pages.size(); i++) {
            places.add(pages.get(i).text());
            factors.add(i == 0 ? 2 : 1);
        }
        return classify(places, factors);
    }

    /** For a text without pages or title (an email body): read as one first page. */
    public Classification classify(String text) {
        return classify(List.of(text), List.of(2));
    }

    private Classification classify(List<String> places, List<Integer> factors) {
        Map<DocumentKind, Integer> scores = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Set<String>> cues = new EnumMap<>(DocumentKind.class);
        for (int p = 0; p < places.size(); p++) {
            String folded = Folding.fold(places.get(p));
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(folded);
                int count = 0;
                while (count < MAX_COUNT && m.find()) {
                    count++;
                    cues.computeIfAbsent(rule.kind(), x -> new LinkedHashSet<>()).add(m.group().strip());
                }
                if (count > 0) {
                    scores.merge(rule.kind(), count * rule.weight() * factors.get(p), Integer::sum);
                }
            }
        }
        DocumentKind best = DocumentKind.OTHER;
        int bestScore = 0;
        for (Map.Entry<DocumentKind, Integer> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        if (bestScore < MINIMUM_SCORE) {
            return new Classification(DocumentKind.OTHER, bestScore, scores, List.of());
        }
        return new Classification(best, bestScore, scores, List.copyOf(cues.getOrDefault(best, Set.of())));
    }
}

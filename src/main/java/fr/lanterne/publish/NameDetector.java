package fr.lanterne.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Personal names: after a title (M., Mme, Monsieur, Madame, Mademoiselle, Me, Maître, Dr, Docteur, Pr), as
 * "Prénom NOM", "Prénom Nom" or "NOM Prénom" with a known first name (lists of agents), and the lines of a
 * signature block (a name under "Le Maire," or above "Adjoint au maire"). The title itself is left visible.
 */
final class NameDetector {

    private static final String TOKEN = "(?:\\p{Lu}[\\p{L}’'-]*\\p{L}|\\p{Lu}\\.)";
    private static final String PARTICLE = "(?:de la |de |du |des |d’|d'|van |von |ben |el |le |la )";
    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}])(?:M\\.|MM\\.|Mme\\.?|Mmes|Mlle|Melle|Monsieur"
            + "|Madame|Mademoiselle|Messieurs|Me|Maître|Dr\\.?|Docteur|Pr\\.?|Professeur)[ \\n]+(" + PARTICLE + "?"
            + TOKEN + "(?: " + PARTICLE + "?" + TOKEN + "){0,3})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}’'-]+");

    /** Capitalised words that follow a title or sit in a signature block without being a name (folded). */
    static final Set<String> NOT_NAMES = Set.of("le", "la", "les", "l'", "maire", "adjoint", "adjointe",
            "president", "presidente", "prefet", "prefete", "directeur", "directrice", "monsieur", "madame",
            "mademoiselle", "messieurs", "objet", "service", "services", "mairie", "commune", "ville", "conseil",
            "municipal", "municipale", "republique", "francaise", "police", "gendarmerie", "cnil", "cada", "rgpd",
            "direction", "departement", "region", "prefecture", "reference", "copie", "annexe", "tribunal",
            "administratif", "secretaire", "general", "generale", "chef", "cheffe", "commandant", "brigadier",
            "hotel", "rue", "avenue", "place", "boulevard", "allee", "chemin", "route", "quai", "impasse", "square",
            "cours", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
            "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "liberte", "egalite", "fraternite", "signe", "signature", "pour", "par", "delegation", "cedex",
            "vu", "considerant", "article", "arrete", "decide", "deliberation", "videoprotection", "videosurveillance",
            "responsable", "delegue", "deleguee", "conseiller", "conseillere", "cabinet", "association", "lanterne",
            "agent", "agents", "gardien", "technicien", "technicienne", "charge", "chargee", "dgs", "premier",
            "premiere", "sous-prefet", "sous-prefete", "ministre", "ministere", "saint", "sainte", "cordialement",
            "salutations", "veuillez", "je", "nous", "vous", "il", "elle", "en", "a", "et", "ou", "cher", "chere");
    /** Words after which a first name is a street, a school or a building ("rue Jean Jaurès", "lycée Victor Hugo"). */
    private static final Set<String> PLACES = Set.of("rue", "avenue", "av.", "place", "boulevard", "bd", "allee",
            "impasse", "quai", "square", "chemin", "route", "cours", "passage", "lycee", "college", "ecole", "centre",
            "salle", "stade", "gymnase", "parc", "espace", "hopital", "residence", "pont", "jardin", "cite",
            "mediatheque", "bibliotheque", "theatre", "piscine", "groupe", "scolaire", "foyer", "maison", "gare",
            "saint", "sainte", "st", "ste", "general", "marechal", "president", "docteur", "abbe", "pere", "frere");

    static final Set<String> FIRST_NAMES = load();

    private NameDetector() {
    }

    static List<Finding> find(PageIndex page) {
        List<Finding> found = new ArrayList<>();
        titled(page, found);
        withFirstName(page, found);
        return found;
    }

    private static void titled(PageIndex page, List<Finding> found) {
        String text = page.text();
        Matcher titled = TITLED.matcher(text);
        while (titled.find()) {
            int start = titled.start(1);
            int end = start;
            Matcher word = WORD.matcher(text).region(titled.start(1), titled.end(1));
            boolean any = false;
            while (word.find()) {
                String folded = Folded.of(word.group());
                if (NOT_NAMES.contains(folded) && !isParticle(folded)) {
                    break;
                }
                if (!any && isParticle(folded)) {
                    start = word.end() + 1;
                    continue;
                }
                if (!isParticle(folded)) {
                    any = true;
                    end = word.end();
                    if (text.charAt(Math.min(end, text.length() - 1)) == '.') {
                        end++;
                    }
                }
            }
            if (any && end > start) {
                found.add(new Finding(ProposalKind.NAME, start, Math.min(end, titled.end(1))));
            }
        }
    }

    /** "Prénom NOM", "Prénom Nom" or "NOM Prénom" with a first name from the list, not after a street or a school. */
    private static void withFirstName(PageIndex page, List<Finding> found) {
        List<PageWord> words = page.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (page.lineOfWord(i) != page.lineOfWord(i + 1)) {
                continue;
            }
            String first = bare(words.get(i).text());
            String second = bare(words.get(i + 1).text());
            boolean forward = isFirstName(first) && (isSurname(second) || isUpperSurname(second))
                    && !words.get(i).text().endsWith(",");
            boolean backward = isUpperSurname(first) && isFirstName(second) && !words.get(i).text().endsWith(",");
            if ((forward || backward) && !afterPlace(words, i)) {
                int last = i + 1;
                if (last + 1 < words.size() && page.lineOfWord(last + 1) == page.lineOfWord(i)
                        && !words.get(last).text().endsWith(",") && isUpperSurname(bare(words.get(last + 1).text()))) {
                    last++;
                }
                found.add(new Finding(ProposalKind.NAME, page.startOf(i), page.endOf(last)));
                i = last;
            }
        }
    }

    static boolean isParticle(String folded) {
        return Set.of("de", "du", "des", "d'", "van", "von", "ben", "el", "la", "le").contains(folded);
    }

    static boolean isFirstName(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && FIRST_NAMES.contains(word.toLowerCase());
    }

    /** Capitalised or upper case, at least two letters, not a word that follows titles without being a name. */
    static boolean isSurname(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && word.chars().allMatch(
                c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’')
                && !NOT_NAMES.contains(Folded.of(word)) && !FIRST_NAMES.contains(word.toLowerCase());
    }

    /** An upper-case word of three letters or more: a surname even when it is also a first name (ROBERT, ANDRÉ). */
    static boolean isUpperSurname(String word) {
        return word.length() > 2 && word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’')
                && !NOT_NAMES.contains(Folded.of(word)) && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** Without the punctuation stuck to it. */
    static String bare(String word) {
        return word.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static boolean afterPlace(List<PageWord> words, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            String place = Folded.of(words.get(k).text()).replaceFirst("^[ld]'", "").replaceAll("[^a-z.]", "");
            if (PLACES.contains(place)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = NameDetector.class.getResourceAsStream("/publish/prenoms.txt")) {
            if (in == null) {
                throw new IllegalStateException("publish/prenoms.txt missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package fr.lanterne.letters;

import fr.lanterne.registry.Technology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns one template folder's template.yaml and body.txt into a {@link CompiledTemplate}, or says what is wrong. */
final class TemplateReader {

    static final String METADATA_FILE = "template.yaml";
    static final String BODY_FILE = "body.txt";

    private static final Set<String> KEYS = Set.of("id", "title", "kind", "technologies", "subject", "legal-basis",
            "documents", "recipient");
    private static final Set<String> RECIPIENT_KEYS = Set.of("name", "address", "email");

    private TemplateReader() {
    }

    /**
     * @param id the folder name, which the template's id must repeat
     * @param yamlFile, bodyFile how to name the files in errors
     */
    static CompiledTemplate read(String id, String yamlText, String yamlFile, String bodyText, String bodyFile) {
        Map<String, Object> yaml = parseYaml(stripBom(yamlText), yamlFile);
        for (String key : yaml.keySet()) {
            if (!KEYS.contains(key)) {
                throw LetterTemplateException.at(yamlFile, lineOf(yamlText, key), "champ « " + key
                        + " » inconnu. Champs possibles : " + String.join(", ", sorted(KEYS)) + ".");
            }
        }
        String declaredId = string(yaml, "id", yamlFile, yamlText);
        if (!declaredId.equals(id)) {
            throw LetterTemplateException.at(yamlFile, lineOf(yamlText, "id"), "l'identifiant « " + declaredId
                    + " » doit être le nom du dossier du modèle, « " + id + " ».");
        }
        String title = Typography.apply(string(yaml, "title", yamlFile, yamlText));
        TemplateKind kind = kind(yaml, yamlFile, yamlText);
        List<Technology> technologies = technologies(yaml, kind, yamlFile, yamlText);
        List<String> legalBasis = strings(yaml, "legal-basis", yamlFile, yamlText);
        List<String> documents = strings(yaml, "documents", yamlFile, yamlText);
        if (kind == TemplateKind.REQUEST && documents.isEmpty()) {
            throw LetterTemplateException.at(yamlFile, lineOf(yamlText, "documents"), "une demande (kind: REQUEST) "
                    + "doit lister les documents demandés sous « documents: », un par ligne commençant par « - ».");
        }
        if (kind != TemplateKind.REQUEST && !documents.isEmpty()) {
            throw LetterTemplateException.at(yamlFile, lineOf(yamlText, "documents"), "un modèle de type " + kind
                    + " reprend la liste de documents de la demande initiale : retirez « documents: ».");
        }
        Addressee recipient = recipient(yaml, kind, yamlFile, yamlText);
        String subjectText = string(yaml, "subject", yamlFile, yamlText);
        if (subjectText.indexOf('\n') >= 0) {
            throw LetterTemplateException.at(yamlFile, lineOf(yamlText, "subject"), "l'objet (subject) doit tenir "
                    + "sur une ligne.");
        }
        Markup subject = Markup.compile(subjectText, yamlFile, lineOf(yamlText, "subject"), kind);
        String body = stripBom(bodyText).strip();
        if (body.isEmpty()) {
            throw LetterTemplateException.in(bodyFile, "le texte de la lettre est vide.");
        }
        Markup markup = Markup.compile(stripBom(bodyText), bodyFile, 1, kind);
        LetterTemplate template = new LetterTemplate(id, title, kind, technologies,
                legalBasis.stream().map(Typography::apply).toList(),
                documents.stream().map(TemplateReader::oneLine).map(Typography::apply).toList(),
                recipient);
        return new CompiledTemplate(template, subject, markup);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseYaml(String text, String file) {
        Object parsed;
        try {
            // SafeConstructor: plain maps, lists and strings only, whatever tags the file holds.
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw LetterTemplateException.at(file, mark == null ? 0 : mark.getLine() + 1, "le YAML est mal formé ("
                    + e.getProblem() + "). Vérifiez l'indentation et mettez entre guillemets un texte qui contient "
                    + "« : » ou commence par un caractère spécial.");
        } catch (YAMLException e) {
            throw LetterTemplateException.in(file, "le YAML est illisible (" + e.getMessage() + ").");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw LetterTemplateException.in(file, "le fichier doit contenir des champs « nom: valeur » (id, title, "
                    + "kind, subject…).");
        }
        return (Map<String, Object>) map;
    }

    private static String string(Map<String, Object> yaml, String key, String file, String text) {
        Object value = yaml.get(key);
        if (value == null || value.toString().isBlank()) {
            throw LetterTemplateException.in(file, "le champ « " + key + " » est obligatoire.");
        }
        if (value instanceof Map || value instanceof List) {
            throw LetterTemplateException.at(file, lineOf(text, key), "le champ « " + key + " » doit être un texte.");
        }
        return value.toString().strip();
    }

    private static TemplateKind kind(Map<String, Object> yaml, String file, String text) {
        String value = string(yaml, "kind", file, text);
        try {
            return TemplateKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw LetterTemplateException.at(file, lineOf(text, "kind"), "kind « " + value + " » inconnu. Valeurs "
                    + "possibles : " + Arrays.stream(TemplateKind.values())
                    .map(kind -> kind.name() + " (" + kind.label() + ")").collect(Collectors.joining(", ")) + ".");
        }
    }

    private static List<Technology> technologies(Map<String, Object> yaml, TemplateKind kind, String file,
                                                 String text) {
        Set<Technology> technologies = new LinkedHashSet<>();
        for (String value : strings(yaml, "technologies", file, text)) {
            try {
                technologies.add(Technology.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw LetterTemplateException.at(file, lineOf(text, "technologies"), "technologie « " + value
                        + " » inconnue. Valeurs possibles : " + Arrays.stream(Technology.values())
                        .map(technology -> technology.name() + " (" + technology.label() + ")")
                        .collect(Collectors.joining(", ")) + ".");
            }
        }
        if (kind == TemplateKind.REQUEST && technologies.isEmpty()) {
            throw LetterTemplateException.in(file, "une demande (kind: REQUEST) indique sous « technologies: » les "
                    + "technologies qu'elle concerne (CCTV, VSA, FACIAL_RECOGNITION, SOUND_SENSORS, DRONES).");
        }
        return List.copyOf(technologies);
    }

    private static List<String> strings(Map<String, Object> yaml, String key, String file, String text) {
        Object value = yaml.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw LetterTemplateException.at(file, lineOf(text, key), "le champ « " + key + " » doit être une liste, "
                    + "une valeur par ligne commençant par « - ».");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                String start = String.valueOf(map.keySet().iterator().next());
                throw LetterTemplateException.at(file, lineContaining(text, start), "dans « " + key + " », le texte "
                        + "qui commence par « " + start + " » contient « : » suivi d'une espace, que YAML lit comme un "
                        + "champ. Mettez ce texte entre guillemets droits (\"…\"), ou reformulez sans deux-points.");
            }
            if (item == null || item instanceof Map || item instanceof List || item.toString().isBlank()) {
                throw LetterTemplateException.at(file, lineOf(text, key), "chaque élément de « " + key
                        + " » doit être un texte non vide.");
            }
            strings.add(item.toString().strip());
        }
        return strings;
    }

    private static Addressee recipient(Map<String, Object> yaml, TemplateKind kind, String file, String text) {
        Object value = yaml.get("recipient");
        boolean referral = kind == TemplateKind.REFERRAL || kind == TemplateKind.SERIES_REFERRAL;
        if (value == null) {
            if (referral) {
                throw LetterTemplateException.in(file, "une saisine (kind: " + kind + ") indique son destinataire, "
                        + "la CADA, sous « recipient: » (name, address, email).");
            }
            return null;
        }
        if (!referral) {
            throw LetterTemplateException.at(file, lineOf(text, "recipient"), "un modèle de type " + kind
                    + " s'adresse à l'organisme de chaque lettre : retirez « recipient: ».");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw LetterTemplateException.at(file, lineOf(text, "recipient"), "« recipient » doit contenir name, "
                    + "address et email, chacun sur sa ligne et décalé de deux espaces.");
        }
        for (Object key : map.keySet()) {
            if (!RECIPIENT_KEYS.contains(String.valueOf(key))) {
                throw LetterTemplateException.at(file, lineOf(text, "recipient"), "champ « recipient." + key
                        + " » inconnu. Champs possibles : name, address, email.");
            }
        }
        try {
            Object name = map.get("name");
            return new Addressee(name == null ? null : Typography.apply(name.toString()),
                    stringOrNull(map.get("address")),
                    stringOrNull(map.get("email")));
        } catch (RuntimeException e) {
            throw LetterTemplateException.at(file, lineOf(text, "recipient"), e.getMessage());
        }
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    /** A document item written over several lines in the YAML file reads as one line. */
    private static String oneLine(String text) {
        return String.join(" ", text.strip().split("\\s*\n\\s*"));
    }

    /** The line of a top-level key, for errors; 0 if not found. */
    private static int lineOf(String yamlText, String key) {
        String[] lines = yamlText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int lineContaining(String yamlText, String fragment) {
        String[] lines = yamlText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}

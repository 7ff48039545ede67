package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The letter templates, loaded and parsed once: from the volunteer-editable {@code letter-templates/} folder, or
 * from the copy packaged in the jar. Immutable and safe to share between threads.
 */
public final class LetterTemplates {

    /** The folder looked for in the working directory, and the classpath folder of the packaged copy. */
    public static final String DEFAULT_FOLDER = "letter-templates";

    private final SortedMap<String, CompiledTemplate> templates;
    private final String origin;

    private LetterTemplates(SortedMap<String, CompiledTemplate> templates, String origin) {
        if (templates.isEmpty()) {
            throw new InvalidInputException("Aucun modèle de lettre dans " + origin + " : chaque modèle est un "
                    + "dossier qui contient template.yaml et body.txt (voir letter-templates/README.md).");
        }
        this.templates = templates;
        this.origin = origin;
    }

    /**
     * Loads every template of {@code folder}: each sub-folder holds template.yaml and body.txt. Folders whose name
     * starts with a dot are skipped.
     *
     * @throws LetterTemplateException naming the file and line of the first mistake found
     */
    public static LetterTemplates load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("Le dossier de modèles de lettres « " + folder + " » n'existe pas.");
        }
        String shownFolder = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        SortedMap<String, CompiledTemplate> templates = new TreeMap<>();
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the letter templates in " + folder, e);
        }
        for (Path child : children) {
            String id = child.getFileName().toString();
            String shown = shownFolder + "/" + id + "/";
            Path yaml = child.resolve(TemplateReader.METADATA_FILE);
            Path body = child.resolve(TemplateReader.BODY_FILE);
            if (!Files.isRegularFile(yaml) || !Files.isRegularFile(body)) {
                throw LetterTemplateException.in(shown, "un dossier de modèle contient " + TemplateReader.METADATA_FILE
                        + " et " + TemplateReader.BODY_FILE + " ; il en manque un. Un dossier de brouillons doit "
                        + "commencer par un point (.brouillons) pour être ignoré.");
            }
            templates.put(id, TemplateReader.read(id,
                    readUtf8(yaml, shown + TemplateReader.METADATA_FILE), shown + TemplateReader.METADATA_FILE,
                    readUtf8(body, shown + TemplateReader.BODY_FILE), shown + TemplateReader.BODY_FILE));
        }
        return new LetterTemplates(templates, "le dossier " + folder.toAbsolutePath());
    }

    /** Loads the copy of {@code letter-templates/} packaged in the application (classpath). */
    public static LetterTemplates packaged() {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(LetterTemplates.class.getClassLoader());
        SortedMap<String, CompiledTemplate> templates = new TreeMap<>();
        try {
            Resource[] found = resolver.getResources("classpath*:" + DEFAULT_FOLDER + "/*/"
                    + TemplateReader.METADATA_FILE);
            for (Resource yaml : found) {
                String url = yaml.getURL().toString();
                String folder = url.substring(0, url.length() - TemplateReader.METADATA_FILE.length() - 1);
                String id = folder.substring(folder.lastIndexOf('/') + 1);
                if (templates.containsKey(id)) {
                    continue; // the first on the classpath wins, as for any resource
                }
                String shown = DEFAULT_FOLDER + "/" + id + "/";
                Resource body = yaml.createRelative(TemplateReader.BODY_FILE);
                if (!body.exists()) {
                    throw LetterTemplateException.in(shown, "il manque " + TemplateReader.BODY_FILE
                            + " dans la copie intégrée à l'application.");
                }
                templates.put(id, TemplateReader.read(id,
                        readUtf8(yaml, shown + TemplateReader.METADATA_FILE), shown + TemplateReader.METADATA_FILE,
                        readUtf8(body, shown + TemplateReader.BODY_FILE), shown + TemplateReader.BODY_FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged letter templates", e);
        }
        return new LetterTemplates(templates, "la copie intégrée à l'application");
    }

    /**
     * The templates of {@code folder} if it exists (so volunteers' edits apply), otherwise the packaged copy.
     * The default folder is {@code letter-templates/} in the working directory.
     */
    public static LetterTemplates loadOrPackaged(Path folder) {
        return Files.isDirectory(folder) ? load(folder) : packaged();
    }

    /**
     * @throws InvalidInputException listing the templates that exist, if there is no template {@code id}
     */
    public LetterTemplate get(String id) {
        return compiled(id).template();
    }

    /** All templates, by id. */
    public List<LetterTemplate> all() {
        return templates.values().stream().map(CompiledTemplate::template).toList();
    }

    public List<LetterTemplate> ofKind(TemplateKind kind) {
        return all().stream().filter(template -> template.kind() == kind).toList();
    }

    public List<String> ids() {
        return List.copyOf(templates.keySet());
    }

    /** Where the templates were read from, for logs and error messages. */
    public String origin() {
        return origin;
    }

    CompiledTemplate compiled(String id) {
        CompiledTemplate template = id == null ? null : templates.get(id);
        if (template == null) {
            throw new InvalidInputException("Le modèle de lettre « " + id + " » n'existe pas. Modèles disponibles : "
                    + String.join(", ", templates.keySet()) + ".",
                    Map.of("template", String.valueOf(id), "available", ids()));
        }
        return template;
    }

    private static String readUtf8(Path file, String shown) {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in.readAllBytes(), shown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String readUtf8(Resource resource, String shown) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return decode(in.readAllBytes(), shown);
        }
    }

    private static String decode(byte[] bytes, String shown) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw LetterTemplateException.in(shown, "le fichier n'est pas en UTF-8. Enregistrez-le en UTF-8 "
                    + "(dans l'éditeur : « Enregistrer sous… », encodage UTF-8) pour garder les accents.");
        }
    }
}

package fr.lanterne.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether Tesseract can OCR scans here, checked once at start-up by running {@code tesseract --version} and
 * {@code tesseract --list-langs}.
 *
 * @param tesseractFound   whether the {@code tesseract} command runs
 * @param version          its first line of {@code --version}, or empty
 * @param languages        the languages it has data for
 * @param wanted           the languages asked for ({@code fra+eng})
 * @param threadLimitSet   whether {@code OMP_THREAD_LIMIT} is set in this process's environment (Tesseract inherits it)
 */
public record OcrSupport(boolean tesseractFound, String version, Set<String> languages, String wanted,
        boolean threadLimitSet) {

    public OcrSupport {
        languages = Set.copyOf(languages);
    }

    /** Runs the {@code tesseract} command found on the PATH. */
    public static OcrSupport detect(String wantedLanguages) {
        return detect("tesseract", wantedLanguages);
    }

    /** Runs {@code command} (the {@code tesseract} of a given path). */
    public static OcrSupport detect(String command, String wantedLanguages) {
        boolean threadLimit = System.getenv("OMP_THREAD_LIMIT") != null;
        List<String> version = run(command, "--version");
        if (version.isEmpty()) {
            return new OcrSupport(false, "", Set.of(), wantedLanguages, threadLimit);
        }
        // The first line of --list-langs names the data folder; the languages follow, one a line.
        Set<String> languages = run(command, "--list-langs").stream().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new OcrSupport(true, version.get(0).strip(), languages, wantedLanguages, threadLimit);
    }

    public List<String> missingLanguages() {
        return Arrays.stream(wanted.split("\\+")).filter(l -> !languages.contains(l)).toList();
    }

    /** Whether scans will be OCRed: Tesseract runs and has every wanted language. */
    public boolean available() {
        return tesseractFound && missingLanguages().isEmpty();
    }

    /** One sentence, in French, for the logs and the admin page. */
    public String describe() {
        if (!tesseractFound) {
            return "Tesseract n'est pas installé : les pages scannées sont conservées et marquées « à océriser ». "
                    + "Pour l'installer (Debian, Ubuntu) : sudo apt-get install tesseract-ocr tesseract-ocr-fra";
        }
        if (!available()) {
            return "Tesseract (" + version + ") n'a pas les langues " + String.join(", ", missingLanguages())
                    + " : sudo apt-get install " + missingLanguages().stream().map(l -> "tesseract-ocr-" + l)
                    .collect(Collectors.joining(" ")) + " ; en attendant, les pages scannées sont marquées « à "
                    + "océriser ».";
        }
        String base = "OCR actif : " + version + ", langues " + wanted + ".";
        return threadLimitSet ? base
                : base + " Attention : définir OMP_THREAD_LIMIT=1 dans l'environnement de Lanterne, sans quoi "
                        + "chaque processus Tesseract occupe tous les cœurs et l'OCR ralentit fortement.";
    }

    private static List<String> run(String command, String argument) {
        try {
            Process process = new ProcessBuilder(command, argument).redirectErrorStream(true).start();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readNBytes(64 * 1024);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}

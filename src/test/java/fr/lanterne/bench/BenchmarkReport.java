package fr.lanterne.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Writes a benchmark's results as a Markdown table to {@code target/benchmarks/NAME.md} (and to the console), to be
 * copied into BENCHMARKS.md. Each row gives the median and the spread of its rounds.
 */
public final class BenchmarkReport {

    public record Row(String what, List<Double> seconds) {
    }

    private BenchmarkReport() {
    }

    public static Row row(String what, List<Double> seconds) {
        return new Row(what, List.copyOf(seconds));
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static String ratio(List<Double> measured, List<Double> baseline) {
        return String.format(Locale.ROOT, "%.2f", median(measured) / median(baseline));
    }

    public static void write(String name, List<Row> rows, String... notes) {
        StringBuilder md = new StringBuilder();
        md.append("| measurement | median (s) | min (s) | max (s) | rounds |\n|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", row.what(), median(row.seconds()),
                    Collections.min(row.seconds()), Collections.max(row.seconds()), row.seconds().size()));
        }
        for (String note : notes) {
            md.append('\n').append(note).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nMachine: %d cores, Java %s, %s.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name")));
        try {
            Path folder = Files.createDirectories(Path.of("target", "benchmarks"));
            Files.writeString(folder.resolve(name + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
    }
}

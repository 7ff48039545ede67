package fr.lanterne.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled French letters of {@code src/test/resources/publish/letters/} (see its README), and how the proposals
 * compare with their labels: a label is found when a proposal of its kind covers its text; a proposal is right when
 * it covers, or lies within, a label of its kind (a signature: when the letter draws one and the box overlaps it).
 */
final class LabelledLetters {

    /** Letters 01–20 served to correct the detectors; 21–28 were written afterwards and left untouched by them. */
    static final int DEVELOPMENT = 20;
    static final int HELD_OUT_LAST = 28;
    private static final Pattern LABEL = Pattern.compile("\\{\\{([A-Z_]+):([^}]*)}}");

    record Label(ProposalKind kind, String text) {
    }

    record Letter(String name, String text, List<Label> labels) {

        byte[] pdf() {
            return TestPdfs.letter(text);
        }
    }

    /** Per kind: labels, labels found, proposals, proposals right. */
    static final class Score {
        final Map<ProposalKind, int[]> counts = new EnumMap<>(ProposalKind.class);

        int[] of(ProposalKind kind) {
            return counts.computeIfAbsent(kind, k -> new int[4]);
        }

        String table() {
            StringBuilder md = new StringBuilder(
                    "| kind | labelled | found | recall | proposed | right | precision |\n|---|---:|---:|---:|---:|---:|---:|\n");
            int[] total = new int[4];
            for (Map.Entry<ProposalKind, int[]> entry : counts.entrySet()) {
                int[] c = entry.getValue();
                md.append(row(entry.getKey().name(), c));
                for (int i = 0; i < 4; i++) {
                    total[i] += c[i];
                }
            }
            md.append(row("**all**", total));
            return md.toString();
        }

        double recall() {
            int[] t = totals();
            return (double) t[1] / t[0];
        }

        double precision() {
            int[] t = totals();
            return (double) t[3] / t[2];
        }

        private int[] totals() {
            int[] total = new int[4];
            counts.values().forEach(c -> {
                for (int i = 0; i < 4; i++) {
                    total[i] += c[i];
                }
            });
            return total;
        }

        private static String row(String kind, int[] c) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s |%n", kind, c[0], c[1],
                    share(c[1], c[0]), c[2], c[3], share(c[3], c[2]));
        }

        private static String share(int part, int whole) {
            return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
        }
    }

    private LabelledLetters() {
    }

    static List<Letter> development() {
        return letters(1, DEVELOPMENT);
    }

    static List<Letter> heldOut() {
        return letters(DEVELOPMENT + 1, HELD_OUT_LAST);
    }

    private static List<Letter> letters(int first, int last) {
        List<Letter> letters = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String name = String.format(Locale.ROOT, "lettre-%02d.txt", i);
            try (InputStream in = LabelledLetters.class.getResourceAsStream("/publish/letters/" + name)) {
                letters.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return letters;
    }

    static Letter parse(String name, String labelled) {
        List<Label> labels = new ArrayList<>();
        Matcher matcher = LABEL.matcher(labelled);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String inner = matcher.group(2);
            labels.add(new Label(ProposalKind.valueOf(matcher.group(1)), inner.replace('|', ' ')));
            matcher.appendReplacement(text, Matcher.quoteReplacement(inner.replace('|', '\n')));
        }
        matcher.appendTail(text);
        int signatures = (int) text.toString().lines().filter(l -> l.equals("[SIGNATURE]")).count();
        for (int s = 0; s < signatures; s++) {
            labels.add(new Label(ProposalKind.SIGNATURE, "[SIGNATURE]"));
        }
        return new Letter(name, text.toString(), labels);
    }

    /** Adds this letter's comparison to the score. */
    static void score(Letter letter, List<PageText> pages, List<RedactionProposal> proposals, Score score) {
        for (Label label : letter.labels()) {
            score.of(label.kind())[0]++;
            if (proposals.stream().anyMatch(p -> p.kind() == label.kind() && covers(p, label, pages))) {
                score.of(label.kind())[1]++;
            }
        }
        for (RedactionProposal proposal : proposals) {
            score.of(proposal.kind())[2]++;
            if (letter.labels().stream().anyMatch(l -> l.kind() == proposal.kind()
                    && (covers(proposal, l, pages) || within(proposal, l)))) {
                score.of(proposal.kind())[3]++;
            }
        }
    }

    private static boolean covers(RedactionProposal proposal, Label label, List<PageText> pages) {
        if (label.kind() == ProposalKind.SIGNATURE) {
            return pages.get(proposal.page() - 1).images().stream()
                    .anyMatch(image -> proposal.boxes().get(0).overlaps(image, 0));
        }
        return normal(proposal.text()).contains(normal(label.text()));
    }

    private static boolean within(RedactionProposal proposal, Label label) {
        return label.kind() != ProposalKind.SIGNATURE && normal(label.text()).contains(normal(proposal.text()));
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "").strip();
    }
}

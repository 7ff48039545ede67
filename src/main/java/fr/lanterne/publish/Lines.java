package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups words in reading order into lines: a word joins the current line when its box overlaps the line's last word
 * vertically by more than half the smaller height, and starts to its right.
 */
final class Lines {

    private Lines() {
    }

    static List<List<PageWord>> of(List<PageWord> words) {
        List<List<PageWord>> lines = new ArrayList<>();
        List<PageWord> current = new ArrayList<>();
        for (PageWord word : words) {
            if (!current.isEmpty() && !sameLine(current.get(current.size() - 1), word)) {
                lines.add(current);
                current = new ArrayList<>();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    static boolean sameLine(PageWord previous, PageWord next) {
        PdfRect a = previous.box();
        PdfRect b = next.box();
        float overlap = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        return overlap > 0.5f * Math.min(a.height(), b.height()) && b.x() >= a.x();
    }
}

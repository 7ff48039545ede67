package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's words as one string the detectors can search — words joined by a space, lines by a line feed — with the
 * way back from a stretch of that string to the words, and from words to one box per line.
 */
final class PageIndex {

    /** Boxes grow by this much (points) each way: OCR boxes hug the ink, and anti-aliasing spills past it. */
    static final float PADDING = 1.5f;

    private final PageText page;
    private final List<PageWord> words;
    private final List<List<PageWord>> lines;
    private final String text;
    /** For each character of {@link #text}, the index of its word in {@link #words}, or -1 for a separator. */
    private final int[] wordAt;
    /** For each word, the index of its line. */
    private final int[] lineOf;
    private final int[] wordStart;

    PageIndex(PageText page) {
        this.page = page;
        this.lines = Lines.of(page.words());
        this.words = new ArrayList<>();
        StringBuilder builder = new StringBuilder();
        List<Integer> owners = new ArrayList<>();
        List<Integer> lineIndex = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            if (l > 0) {
                builder.append('\n');
                owners.add(-1);
            }
            List<PageWord> line = lines.get(l);
            for (int w = 0; w < line.size(); w++) {
                if (w > 0) {
                    builder.append(' ');
                    owners.add(-1);
                }
                int index = words.size();
                words.add(line.get(w));
                lineIndex.add(l);
                starts.add(builder.length());
                String word = line.get(w).text();
                builder.append(word);
                for (int c = 0; c < word.length(); c++) {
                    owners.add(index);
                }
            }
        }
        this.text = builder.toString();
        this.wordAt = owners.stream().mapToInt(Integer::intValue).toArray();
        this.lineOf = lineIndex.stream().mapToInt(Integer::intValue).toArray();
        this.wordStart = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    PageText page() {
        return page;
    }

    String text() {
        return text;
    }

    List<List<PageWord>> lines() {
        return lines;
    }

    List<PageWord> words() {
        return words;
    }

    /** The line's text, words joined by a space. */
    String lineText(int line) {
        return String.join(" ", lines.get(line).stream().map(PageWord::text).toList());
    }

    /** The first and last word (inclusive) under the characters {@code [start, end)}; null if none. */
    int[] wordsIn(int start, int end) {
        int first = -1;
        int last = -1;
        for (int c = Math.max(0, start); c < Math.min(end, wordAt.length); c++) {
            if (wordAt[c] >= 0) {
                if (first < 0) {
                    first = wordAt[c];
                }
                last = wordAt[c];
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /** One padded box per line over the words {@code first..last}, inclusive. */
    List<PdfRect> boxes(int first, int last) {
        List<PdfRect> boxes = new ArrayList<>();
        PdfRect current = null;
        int currentLine = -1;
        for (int w = first; w <= last; w++) {
            PdfRect box = words.get(w).box();
            if (current != null && lineOf[w] == currentLine) {
                current = current.union(box);
            } else {
                if (current != null) {
                    boxes.add(pad(current));
                }
                current = box;
                currentLine = lineOf[w];
            }
        }
        if (current != null) {
            boxes.add(pad(current));
        }
        return boxes;
    }

    /** The words {@code first..last} as they read. */
    String textOf(int first, int last) {
        return String.join(" ", words.subList(first, last + 1).stream().map(PageWord::text).toList());
    }

    PdfRect pad(PdfRect box) {
        float left = Math.max(0, box.x() - PADDING);
        float top = Math.max(0, box.y() - PADDING);
        float right = Math.min(page.width(), box.right() + PADDING);
        float bottom = Math.min(page.height(), box.bottom() + PADDING);
        return right > left && bottom > top ? new PdfRect(box.page(), left, top, right - left, bottom - top) : box;
    }

    /** The index in {@link #words()} of the first word of a line. */
    int firstWordOf(int line) {
        int first = 0;
        for (int l = 0; l < line; l++) {
            first += lines.get(l).size();
        }
        return first;
    }

    /** Where a word starts, and ends, in {@link #text()}. */
    int startOf(int word) {
        return wordStart[word];
    }

    int endOf(int word) {
        return wordStart[word] + words.get(word).text().length();
    }

    int lineOfWord(int word) {
        return lineOf[word];
    }
}

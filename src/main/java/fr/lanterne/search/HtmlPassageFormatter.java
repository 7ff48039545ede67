package fr.lanterne.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats passages as HTML to insert in a page as it is: matches in {@code <mark>…</mark>}, the rest of the text
 * escaped (the five characters {@code & < > " '}, so it is safe in element content and in quoted attributes), runs
 * of white space and control characters (PDF extraction leaves many) shown as one space, passages joined by " … ".
 */
final class HtmlPassageFormatter extends PassageFormatter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    static final String ELLIPSIS = " … ";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        for (Passage passage : passages) {
            if (html.length() > 0) {
                html.append(ELLIPSIS);
            }
            int position = passage.getStartOffset();
            int[] starts = passage.getMatchStarts();
            int[] ends = passage.getMatchEnds();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(starts[i], position);
                int end = Math.min(ends[i], passage.getEndOffset());
                // Matches may overlap (a phrase and its words): merge them into one mark.
                while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                    end = Math.max(end, Math.min(ends[++i], passage.getEndOffset()));
                }
                if (start >= end) {
                    continue;
                }
                escape(content, position, start, html);
                html.append(OPEN);
                escape(content, start, end, html);
                html.append(CLOSE);
                position = end;
            }
            escape(content, position, passage.getEndOffset(), html);
        }
        return html.toString().strip();
    }

    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                            out.append(' ');
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

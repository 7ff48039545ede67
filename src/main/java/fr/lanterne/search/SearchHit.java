package fr.lanterne.search;

import java.time.LocalDate;

/**
 * A page that matches a search.
 *
 * @param passage the best passages of the page (up to two, joined by " … "), as HTML: the matched words are wrapped
 *     in {@code <mark>…</mark>} and everything else is escapes ({@code & < > " '}), so it can be inserted in a page
 *     as it is
 */
public record SearchHit(String sha256, int page, String title, String authority, String authorityName, String insee,
                        String communeName, String departement, String kind, LocalDate receivedOn,
                        String requestReference, float score, String passage) {

    /** The passage as plain text, for a CSV file or a terminal: no marks, no HTML escapes. */
    public String plainPassage() {
        if (passage == null) {
            return "";
        }
        return passage.replace(HtmlPassageFormatter.OPEN, "").replace(HtmlPassageFormatter.CLOSE, "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                // Last, so that an escaped "&lt;" in the text ("&amp;lt;") comes back as "&lt;", not "<".
                .replace("&amp;", "&");
    }
}

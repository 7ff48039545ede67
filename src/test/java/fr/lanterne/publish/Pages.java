package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.List;

/** Pages laid out from plain text for the detectors' tests: 6 points a character, 16 a line, words split on spaces. */
final class Pages {

    private Pages() {
    }

    static PageText of(int number, String text, List<PdfRect> images) {
        List<PageWord> words = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            int column = 0;
            for (String token : lines[l].split(" ", -1)) {
                if (!token.isEmpty()) {
                    words.add(new PageWord(number, token,
                            new PdfRect(number, 60 + column * 6f, 60 + l * 16f, token.length() * 6f, 12)));
                }
                column += token.length() + 1;
            }
        }
        return new PageText(number, 595, 842, false, false, words, images);
    }

    static PageText of(String text) {
        return of(1, text, List.of());
    }
}

package fr.lanterne.publish;

import java.text.Normalizer;

/** Text in lower case without accents, character for character (same length), so offsets still point at the words. */
final class Folded {

    private Folded() {
    }

    static String of(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '’') {
                out[i] = '\'';
            } else if (c < 128) {
                out[i] = Character.toLowerCase(c);
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                out[i] = Character.toLowerCase(base.isEmpty() ? c : base.charAt(0));
            }
        }
        return new String(out);
    }
}

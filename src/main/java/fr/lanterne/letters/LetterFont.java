package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The letters' font (Liberation Serif, SIL OFL 1.1, see letters/LiberationSerif-LICENSE.txt), read once.
 * PDFBox needs a new PDType0Font in every document, but the parsed TrueType data can be reused: parsed fonts wait in
 * a pool, one per thread rendering at a time (TrueTypeFont is not thread-safe). Advance widths are kept in a table
 * so that line breaking never goes through PDFBox's encoding.
 */
final class LetterFont {

    static final String RESOURCE = "letters/LiberationSerif-Regular.ttf";
    static final String NAME = "Liberation Serif";

    private static volatile LetterFont packaged;

    private final byte[] data;
    /** Advance width of each BMP character in thousandths of the font size; NaN where the font has no glyph. */
    private final float[] widths = new float[Character.MAX_VALUE + 1];
    private final ConcurrentLinkedQueue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

    LetterFont(byte[] data) {
        this.data = data.clone();
        TrueTypeFont font = parse();
        try {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            float scale = 1000f / font.getUnitsPerEm();
            Arrays.fill(widths, Float.NaN);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (Character.isSurrogate((char) c)) {
                    continue;
                }
                int glyph = cmap.getGlyphId(c);
                if (glyph > 0) {
                    widths[c] = font.getAdvanceWidth(glyph) * scale;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the widths of the letters' font", e);
        }
        idle.add(font);
    }

    /** The font packaged with the application, loaded on first use and shared. */
    static LetterFont packaged() {
        LetterFont font = packaged;
        if (font == null) {
            synchronized (LetterFont.class) {
                font = packaged;
                if (font == null) {
                    try (InputStream in = LetterFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The letters' font " + RESOURCE + " is not on the classpath");
                        }
                        font = new LetterFont(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
                    }
                    packaged = font;
                }
            }
        }
        return font;
    }

    /** A parsed font for one document; give it back once the document is saved (subsetting happens on save). */
    TrueTypeFont borrow() {
        TrueTypeFont font = idle.poll();
        return font != null ? font : parse();
    }

    void giveBack(TrueTypeFont font) {
        idle.add(font);
    }

    /** Width of {@code text} at {@code size} points. */
    float width(CharSequence text, float size) {
        float total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += widths[text.charAt(i)];
        }
        return total * size / 1000f;
    }

    float width(char c, float size) {
        return widths[c] * size / 1000f;
    }

    /**
     * @throws InvalidInputException if the font cannot print a character of {@code text}, naming it: better a clear
     *                               refusal than a letter with holes
     */
    void checkPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Float.isNaN(widths[c]) && c != '\n') {
                int codePoint = text.codePointAt(i);
                throw new InvalidInputException("Le caractère « " + new String(Character.toChars(codePoint))
                        + " » (U+" + String.format("%04X", codePoint) + ") ne peut pas être imprimé avec la police des "
                        + "lettres (" + NAME + ") ; remplacez-le dans : « " + text + " ».");
            }
        }
    }

    private TrueTypeFont parse() {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
            // French needs no glyph substitution, and PDFBox's Latin GSUB worker compiles regular expressions for
            // every word it shows (it made rendering 30 times slower) and turns "fi" into a ligature glyph.
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse the letters' font", e);
        }
    }
}

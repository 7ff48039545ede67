package fr.lanterne.publish;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes words back as invisible text (render mode NEITHER) over a rasterised page, each stretched to its original
 * box, so the page stays searchable and selectable. Words of one line share a baseline and a size, so text
 * extractors read them as one line. The font is the Liberation Serif the letters use (a subset is embedded).
 */
final class TextLayerWriter {

    private static final String FONT = "/letters/LiberationSerif-Regular.ttf";

    private final PDDocument target;
    private PDType0Font font;

    TextLayerWriter(PDDocument target) {
        this.target = target;
    }

    /** Writes the words on a page {@code pageHeight} points tall; returns how many were written. */
    int write(PDPageContentStream content, List<PageWord> words, float pageHeight) throws IOException {
        if (words.isEmpty()) {
            return 0;
        }
        PDType0Font shown = font();
        int written = 0;
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (List<PageWord> line : Lines.of(words)) {
            float bottom = 0;
            List<Float> heights = new ArrayList<>();
            for (PageWord word : line) {
                bottom = Math.max(bottom, word.box().bottom());
                heights.add(word.box().height());
            }
            heights.sort(null);
            float size = Math.max(1f, heights.get(heights.size() / 2) * 0.9f);
            float baseline = pageHeight - bottom + 0.2f * size;
            content.setFont(shown, size);
            for (PageWord word : line) {
                String text = encodable(shown, word.text());
                if (text.isEmpty()) {
                    continue;
                }
                float natural = shown.getStringWidth(text) / 1000f * size;
                float scaling = natural > 0 ? Math.max(10f, Math.min(1000f, 100f * word.box().width() / natural)) : 100f;
                content.setHorizontalScaling(scaling);
                content.setTextMatrix(Matrix.getTranslateInstance(word.box().x(), baseline));
                content.showText(text);
                written++;
            }
        }
        content.endText();
        return written;
    }

    private PDType0Font font() throws IOException {
        if (font == null) {
            try (InputStream ttf = TextLayerWriter.class.getResourceAsStream(FONT)) {
                if (ttf == null) {
                    throw new IOException("font " + FONT + " missing from the classpath");
                }
                font = PDType0Font.load(target, ttf, true);
            }
        }
        return font;
    }

    /** The word in compatibility form (ligatures split), without the characters the font cannot show. */
    private static String encodable(PDType0Font font, String word) {
        String normal = Normalizer.normalize(word, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder();
        normal.codePoints().forEach(cp -> {
            String character = new String(Character.toChars(cp));
            try {
                font.encode(character);
                kept.append(character);
            } catch (IOException | IllegalArgumentException e) {
                // A character without a glyph (an OCR oddity, an emoji) is left out of the word, not the word itself.
            }
        });
        return kept.toString();
    }
}

package fr.lanterne.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The words of one page's text layer with their boxes. PDFBox reports each glyph's baseline in displayed coordinates;
 * a word's box runs from 0.85 of the font size above the baseline to 0.25 below, enough to hold accents and descenders.
 */
final class TextLayerReader extends PDFTextStripper {

    private int pageNumber;
    private final List<PageWord> words = new ArrayList<>();

    private TextLayerReader() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    static List<PageWord> words(PDDocument document, int pageNumber) throws IOException {
        TextLayerReader reader = new TextLayerReader();
        reader.pageNumber = pageNumber;
        reader.setStartPage(pageNumber);
        reader.setEndPage(pageNumber);
        reader.writeText(document, new StringWriter());
        return List.copyOf(reader.words);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        List<TextPosition> current = new ArrayList<>();
        for (TextPosition position : positions) {
            if (position.getUnicode() == null || position.getUnicode().isBlank()) {
                flush(current);
            } else {
                current.add(position);
            }
        }
        flush(current);
    }

    private void flush(List<TextPosition> glyphs) {
        if (glyphs.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        for (TextPosition glyph : glyphs) {
            text.append(glyph.getUnicode());
            float size = glyph.getFontSizeInPt() > 0 ? glyph.getFontSizeInPt() : glyph.getHeightDir() * 1.3f;
            left = Math.min(left, glyph.getXDirAdj());
            right = Math.max(right, glyph.getXDirAdj() + Math.max(glyph.getWidthDirAdj(), 0.1f));
            top = Math.min(top, glyph.getYDirAdj() - 0.85f * size);
            bottom = Math.max(bottom, glyph.getYDirAdj() + 0.25f * size);
        }
        glyphs.clear();
        String word = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (!word.isEmpty() && right > left && bottom > top) {
            words.add(new PageWord(pageNumber, word,
                    new PdfRect(pageNumber, left, Math.max(0, top), right - left, bottom - Math.max(0, top))));
        }
    }
}

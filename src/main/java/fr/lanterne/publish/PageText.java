package fr.lanterne.publish;

import java.util.List;

/**
 * What one page shows: its displayed size, its words in reading order, and where images are drawn (for signatures).
 *
 * @param page    1-based
 * @param width   displayed width in points (crop box, rotation applied)
 * @param height  displayed height in points
 * @param scanned whether the page has no text layer worth the name but images, so its words (if any) come from OCR
 * @param ocred   whether Tesseract read it (false for text pages, and for scans when Tesseract is not installed)
 * @param words   the words, in reading order
 * @param images  where images are drawn on the page (a scan's whole page is one)
 */
public record PageText(int page, float width, float height, boolean scanned, boolean ocred, List<PageWord> words,
        List<PdfRect> images) {

    public PageText {
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("page " + page + " of " + width + "×" + height + " points");
        }
        words = List.copyOf(words);
        images = List.copyOf(images);
    }
}

package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parts of the engine: rectangles, Tesseract's TSV, lines, folding, and a scan without Tesseract. */
class EngineUnitsTest {

    @ParameterizedTest(name = "{0},{1} {2}×{3} overlaps 10,10 20×20: {4}")
    @CsvSource({
            "0, 0, 10, 10, false",   // touches the corner only
            "0, 0, 11, 11, true",
            "25, 25, 10, 10, true",
            "30, 10, 5, 5, false",   // right of it
            "10, 29.9, 20, 5, false", // shares less than the tolerance
            "15, 15, 1, 1, true"})
    void rectangles_overlap_when_they_share_an_area(float x, float y, float w, float h, boolean overlaps) {
        PdfRect box = new PdfRect(1, 10, 10, 20, 20);

        assertThat(box.overlaps(new PdfRect(1, x, y, w, h), 0.2f)).isEqualTo(overlaps);
        assertThat(box.overlaps(new PdfRect(2, x, y, w, h), 0.2f)).isFalse();
    }

    @Test
    void rectangles_unite_and_fit_in_their_page() {
        PdfRect union = new PdfRect(1, 10, 10, 20, 20).union(new PdfRect(1, 50, 5, 10, 10));

        assertThat(union).isEqualTo(new PdfRect(1, 10, 5, 50, 25));
        assertThat(union.within(595, 842, 0)).isTrue();
        assertThat(new PdfRect(1, 590, 10, 10, 10).within(595, 842, 1)).isFalse();
        assertThat(new PdfRect(1, 586, 10, 10, 10).within(595, 842, 1)).isTrue();
    }

    @Test
    void tesseract_tsv_words_are_converted_to_points() {
        List<String> tsv = List.of(
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
                "4\t1\t1\t1\t1\t0\t250\t250\t900\t40\t-1\t",
                "5\t1\t1\t1\t1\t1\t250\t250\t300\t40\t96.5\tMadame",
                "5\t1\t1\t1\t1\t2\t600\t250\t0\t40\t96.5\tvide",
                "5\t1\t1\t1\t1\t3\t700\t250\t200\t40\t91.0\t ",
                "5\t1\t1\t1\t1\t4\tx\t250\t200\t40\t91.0\tcassé",
                "5\t1\t1\t1\t1\t5\t950\t250\t200\t40\t90.1\tLAMBERT");

        List<PageWord> words = Tesseract.parse(tsv, 72f / 300, 2);

        assertThat(words).extracting(PageWord::text).containsExactly("Madame", "LAMBERT");
        PdfRect box = words.get(0).box();
        assertThat(box.page()).isEqualTo(2);
        assertThat(new float[] {box.x(), box.y(), box.width(), box.height()})
                .containsExactly(new float[] {60, 60, 72, 9.6f}, org.assertj.core.data.Offset.offset(0.001f));
    }

    @Test
    void words_in_reading_order_make_lines() {
        PageText page = Pages.of("Le Maire,\nJean-Pierre MARTIN");

        assertThat(Lines.of(page.words())).extracting(List::size).containsExactly(2, 2);
        assertThat(Folded.of("Élodie D’Aubigné")).isEqualTo("elodie d'aubigne");
    }

    @Test
    void a_scan_without_tesseract_is_still_blacked_out_but_has_no_text_layer() throws Exception {
        RedactionSettings noTesseract = RedactionSettings.defaults().withTesseract("/nonexistent/tesseract");
        byte[] scan = TestPdfs.scanned(TestPdfs.letter("Madame Sophie LAMBERT\nObjet : vidéoprotection"), 200);
        PdfRect box = new PdfRect(1, 100, 58, 90, 18);

        List<PageText> pages = new DocumentWords(noTesseract).read(scan);
        RedactedPdf redacted = new Redactor(noTesseract).redact(scan, List.of(box));

        assertThat(pages.get(0).scanned()).isTrue();
        assertThat(pages.get(0).ocred()).isFalse();
        assertThat(new DocumentWords(noTesseract).ocrAvailable()).isFalse();
        assertThat(redacted.pagesRasterised()).isEqualTo(1);
        assertThat(redacted.wordsKept()).isZero();
        RedactorTest.assertBlackUnder(redacted.pdf(), List.of(box));
        assertThat(TestPdfs.poppler(redacted.pdf(), "pdftotext").strip()).isEmpty();
    }
}

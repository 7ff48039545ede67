package fr.lanterne.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Rough single-thread rendering rates, for information (not a test, not run by Maven): Lanterne's compose + PDF
 * against plain PDFBox drawing the same lines. Run with {@code java -cp … fr.lanterne.letters.RenderingRate 2000}.
 */
public final class RenderingRate {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Letters letters = Fixtures.letters();
        Letter letter = letters.compose("vsa", Fixtures.request());
        List<PdfLetterRenderer.Page> pages = new PdfLetterRenderer(LetterFont.packaged(), Fixtures.CLOCK)
                .layout(letter);
        byte[] fontBytes;
        try (InputStream in = RenderingRate.class.getClassLoader().getResourceAsStream(LetterFont.RESOURCE)) {
            fontBytes = in.readAllBytes();
        }
        TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
        parsed.setEnableGsub(false);

        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            int count = round == 0 ? n / 4 : n;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                letters.pdf(letters.compose("vsa", Fixtures.request()));
            }
            report(round, "Lanterne compose + pdf", count, start);

            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                raw(pages, doc -> PDType0Font.load(doc, parsed, true));
            }
            report(round, "raw PDFBox, parsed font reused", count, start);

            start = System.nanoTime();
            for (int i = 0; i < count / 10; i++) {
                raw(pages, doc -> PDType0Font.load(doc, new ByteArrayInputStream(fontBytes), true));
            }
            report(round, "raw PDFBox, font loaded from bytes (GSUB on)", count / 10, start);

            start = System.nanoTime();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("letter", ".pdf");
            java.nio.file.Path merged = java.nio.file.Files.createTempFile("campaign", ".pdf");
            java.nio.file.Files.write(file, letters.pdf(letter));
            letters.mergeForPrinting("x", Collections.nCopies(count, file), false, merged);
            report(round, "Lanterne merged campaign PDF (from letter files)", count, start);
        }
    }

    private interface FontLoader {
        PDType0Font load(PDDocument document) throws IOException;
    }

    /** What a hand-written PDFBox program does for the same letter: the same lines at the same places. */
    private static byte[] raw(List<PdfLetterRenderer.Page> pages, FontLoader loader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = loader.load(document);
            for (PdfLetterRenderer.Page content : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    stream.beginText();
                    for (PdfLetterRenderer.Line line : content.lines()) {
                        stream.setFont(font, line.size());
                        stream.setTextMatrix(Matrix.getTranslateInstance(line.x(), line.y()));
                        stream.showText(line.text());
                    }
                    stream.endText();
                }
            }
            document.save(out);
        }
        return out.toByteArray();
    }

    private static void report(int round, String what, int count, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (round > 0) {
            System.out.printf("%-48s %6.0f letters/s%n", what, count / seconds);
        }
    }
}

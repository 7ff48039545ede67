package fr.lanterne.publish;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Real PDFs for the tests: French letters drawn with PDFBox, and scans of them. */
final class TestPdfs {

    static final float MARGIN = 60;
    static final float LEADING = 16;
    static final float SIZE = 11;

    private TestPdfs() {
    }

    /** An A4 text PDF, one page per element, each page's lines drawn from the top; "[SIGNATURE]" draws an image. */
    static byte[] letter(List<String> pagesText) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font;
            try (InputStream ttf = TestPdfs.class.getResourceAsStream("/letters/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(document, ttf, true);
            }
            for (String text : pagesText) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    for (String line : text.split("\n", -1)) {
                        if (line.equals("[SIGNATURE]")) {
                            PDImageXObject image = LosslessFactory.createFromImage(document, signature());
                            content.drawImage(image, MARGIN + 240, y - 40, 120, 45);
                            y -= 50;
                            continue;
                        }
                        if (!line.isEmpty()) {
                            content.beginText();
                            content.setFont(font, SIZE);
                            content.newLineAtOffset(MARGIN, y - SIZE);
                            content.showText(line);
                            content.endText();
                        }
                        y -= LEADING;
                    }
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] letter(String text) {
        return letter(List.of(text));
    }

    /** A squiggle in blue ink, as a scanned signature is. */
    static BufferedImage signature() {
        BufferedImage image = new BufferedImage(240, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 90);
        g.setColor(new Color(20, 30, 140));
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawPolyline(new int[] {10, 40, 60, 90, 120, 150, 200, 230}, new int[] {70, 20, 75, 15, 70, 25, 60, 30}, 8);
        g.dispose();
        return image;
    }

    /** The same pages as image-only PDF pages, rendered in grey at {@code dpi} as a scanner would. */
    static byte[] scanned(byte[] textPdf, int dpi) {
        try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDRectangle size = source.getPage(i).getMediaBox();
                PDPage page = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
                scan.addPage(page);
                PDImageXObject xObject = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(xObject, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            scan.getDocumentInformation().setProducer("Canon iR-ADV C5535");
            return bytes(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** Runs a poppler command on the PDF and returns what it prints. */
    static String poppler(byte[] pdf, String... command) {
        try {
            Path file = Files.createTempFile("lanterne-redaction-", ".pdf");
            try {
                Files.write(file, pdf);
                List<String> arguments = new ArrayList<>(List.of(command));
                arguments.add(file.toString());
                if (command[0].equals("pdftotext")) {
                    arguments.add("-");
                }
                Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command[0] + " did not finish");
                }
                return output;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

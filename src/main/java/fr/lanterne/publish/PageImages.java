package fr.lanterne.publish;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A rendered page as a lossless (Flate) image XObject: in one grey channel when no pixel has colour — a third of the
 * size for letters and most scans — else in RGB. Lossless, so the black of the boxes stays exactly black. Written
 * here rather than with PDFBox's LosslessFactory, which tries every PNG predictor on every row and took most of the
 * redaction time.
 */
final class PageImages {

    private PageImages() {
    }

    /** {@code rgb} must be {@link BufferedImage#TYPE_INT_RGB}, as PDFBox renders it. */
    static PDImageXObject encode(PDDocument document, BufferedImage rgb) throws IOException {
        if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an INT_RGB image, got type " + rgb.getType());
        }
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        byte[] grey = new byte[width * height];
        boolean colour = false;
        for (int i = 0; i < pixels.length; i++) {
            int pixel = pixels[i];
            int r = (pixel >> 16) & 0xff;
            int g = (pixel >> 8) & 0xff;
            int b = pixel & 0xff;
            if (r != g || g != b) {
                colour = true;
                break;
            }
            grey[i] = (byte) b;
        }
        byte[] raw;
        if (colour) {
            raw = new byte[width * height * 3];
            for (int i = 0; i < pixels.length; i++) {
                raw[3 * i] = (byte) (pixels[i] >> 16);
                raw[3 * i + 1] = (byte) (pixels[i] >> 8);
                raw[3 * i + 2] = (byte) pixels[i];
            }
        } else {
            raw = grey;
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(raw.length / 8);
        Deflater deflater = new Deflater(6);
        try (DeflaterOutputStream out = new DeflaterOutputStream(encoded, deflater, 64 * 1024)) {
            out.write(raw);
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new ByteArrayInputStream(encoded.toByteArray()), COSName.FLATE_DECODE,
                width, height, 8, colour ? PDDeviceRGB.INSTANCE : PDDeviceGray.INSTANCE);
    }
}
